package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The development set (src/test/resources/io/maelezo/devset, README there): real replies from
 * public sources, labelled by what their sources say. The tuning part is what the knowledge files
 * were tuned on; the held-out part was split off by source before any tuning, and nobody looks
 * into it: this test prints its figures as aggregates only (per category, never a row), and
 * fails if the file changes. Every run prints both parts' figures; each part has a floor.
 */
class DevelopmentSetTest {
    /**
     * SHA-256 of held-out.tsv: as split (commit "Development set: 1,261 real replies ...", 468 rows),
     * less the 10 rows with "try again later" that a code reviewer read on 2026-12-05, moved to the
     * tuning part (458 rows).
     */
    private static final String HELD_OUT_SHA256 = "20df7c94f740efa578062a0326530b8a60d8a98c0a2dcc4c7570021463ca2833";
    /**
     * The held-out part's floors: the figures when they were last raised (2026-12-05, twenty-second
     * session: category 83.2%, temporary 95.9%), less about one reply (0.22 points). The aim is
     * 95% and 98%; not met yet (README "Known limits"). A change that makes the held-out figures
     * worse fails here, and raising a floor is the only edit this test takes when they get better.
     * One kept change cost a held-out reply (fifteenth session: a list of domain names holding the
     * sending server's own name told as a listing of the server; two tuning rows say so, none the
     * other way).
     */
    private static final double HELD_OUT_CATEGORY_FLOOR = 82.9;
    private static final double HELD_OUT_TEMPORARY_FLOOR = 95.6;
    /**
     * The tuning part is where a change shows first; it must not slide back (measured 81.6% and
     * 94.8% on 9,006 replies; floors a little below). Each collection from sources the set had not
     * used is re-based on (devset README): the thirty-first (158 replies, 57% before any tuning on
     * them, 73% after: log analyzers' samples and rules) took it from 81.1% to 80.9%; the thirtieth (338 replies, 64% before any tuning on
     * them, 78% after: Exchange on-premises' own replies, Dovecot's, mox's, Momentum's, Kolab's)
     * took it from 81.2% to 81.1%; the twenty-ninth (309 replies, 56% before any tuning on
     * them, 68% after: providers' own code and annotated rule sets, mail libraries' errors quoted
     * in issue threads, gateways' knowledge bases) took it from 81.7% to 81.2%; the twenty-eighth (104 replies, 54% before any tuning on
     * them, 52% after: delay notices, Qsmtp's and milters' replies) took it from 82.0% to 81.6%;
     * the twenty-seventh (203 replies, 38% before any tuning
     * on them, 43% after: servers' own log lines from Postfix's and Exim's documentation, qmail's
     * and sendmail's) took it from 83.0% to 82.0%; the twenty-sixth (228 replies, 59% before any tuning on
     * them, 64% after: reputation refusals from bounces kept on paste sites; servers' own event
     * texts) took it from 83.5% to 83.0%; the twenty-fifth (148 replies in eleven languages, 38%
     * before any tuning on them, 82% after); the twenty-fourth (219 replies, 56% before any tuning on
     * them, 67% after: older servers' code and sending services' API errors) took it from 84.1% to
     * 83.6%; the twenty-third (287 replies, 56% before any tuning on
     * them, 68% after: servers' own configuration and delivery-agent trouble as their logs and
     * bounces word it, ZMailer's and ezmlm's error tables) took it from 84.7% to 84.1%; the
     * twenty-second (273 replies, 61% before any tuning on
     * them, 78% after: less-known servers' own error tables, applications' TLS errors, mailing-list
     * refusals) took it from 85.0% to 84.7%; the twenty-first (264 replies, 75% before any tuning on
     * them, 82% after), with probing each category's common wordings, took the figure from 84.4%
     * to 85.0%; the twentieth (490 replies, about 62% before, 72% after: plug-ins' and filters'
     * own texts, replies whose reason only the source's notes give) from 85.2% to 84.4%; the
     * nineteenth (713 replies, 61% before, 74.5% after) from 86.2%. Temporary fell from 97.4%
     * with the fourteenth: mail libraries call a TLS failure final where mail servers defer it,
     * and delivery agents' retries often name no reason.
     */
    private static final double TUNING_CATEGORY_FLOOR = 81.2;
    private static final double TUNING_TEMPORARY_FLOOR = 94.5;

    private static final Classifier CLASSIFIER = Classifier.standard();

    /** One labelled reply. */
    static final class Row {
        final String reply;
        final String category;
        final boolean temporary;
        final String blocklist;

        Row(String reply, String category, boolean temporary, String blocklist) {
            this.reply = reply;
            this.category = category;
            this.temporary = temporary;
            this.blocklist = blocklist;
        }
    }

    /** The figures of one part. */
    static final class Figures {
        int rows;
        int categoryRight;
        int temporaryRight;
        int operatorRows;
        int operatorRight;
        final Map<String, int[]> byCategory = new TreeMap<>();
        /** Replies whose "temporary" was wrong, by expected category: [told final though temporary, told temporary though final]. */
        final Map<String, int[]> temporaryWrong = new TreeMap<>();
        /** Replies whose category was wrong, by expected category and the category told. */
        final Map<String, Map<String, Integer>> categoryWrong = new TreeMap<>();

        double categoryPercent() {
            return 100.0 * categoryRight / rows;
        }

        double temporaryPercent() {
            return 100.0 * temporaryRight / rows;
        }

        String summary(String part) {
            StringBuilder out = new StringBuilder(String.format("Development set, %s part: %d replies; category %.1f%%, temporary %.1f%%,"
                + " blocklist operator named on %d of %d rows that name one%n  by expected category:", part, rows,
                categoryPercent(), temporaryPercent(), operatorRight, operatorRows));
            byCategory.forEach((category, counts) -> out.append(String.format(" %s %d/%d", category, counts[0], counts[1])));
            out.append(String.format("%n  temporary wrong (told final though temporary / told temporary though final), by expected category:"));
            temporaryWrong.forEach((category, counts) -> out.append(String.format(" %s %d/%d", category, counts[0], counts[1])));
            out.append(String.format("%n  category wrong, expected <- told:"));
            categoryWrong.forEach((expected, told) -> told.forEach((category, count) ->
                out.append(String.format(" %s<-%s %d", expected, category, count))));
            return out.toString();
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DevelopmentSetTest.class.getResourceAsStream("/io/maelezo/devset/" + name)) {
            return in.readAllBytes();
        }
    }

    static List<Row> rows(byte[] file) {
        List<Row> rows = new ArrayList<>();
        for (String[] cells : DevelopmentSetFile.rows(file)) {
            rows.add(new Row(cells[0], cells[1], Boolean.parseBoolean(cells[2]), cells[3]));
        }
        return rows;
    }

    static Figures measure(List<Row> rows) {
        Figures figures = new Figures();
        for (Row row : rows) {
            Classification classification = CLASSIFIER.classify(row.reply);
            figures.rows++;
            boolean right = classification.category().id().equals(row.category);
            if (right) {
                figures.categoryRight++;
            } else {
                figures.categoryWrong.computeIfAbsent(row.category, category -> new TreeMap<>())
                    .merge(classification.category().id(), 1, Integer::sum);
            }
            if (classification.temporary() == row.temporary) {
                figures.temporaryRight++;
            } else {
                figures.temporaryWrong.computeIfAbsent(row.category, category -> new int[2])[row.temporary ? 0 : 1]++;
            }
            int[] counts = figures.byCategory.computeIfAbsent(row.category, category -> new int[2]);
            counts[0] += right ? 1 : 0;
            counts[1]++;
            if (!row.blocklist.isEmpty()) {
                figures.operatorRows++;
                if (classification.blocklist().map(operator -> operator.id().equals(row.blocklist)
                    || operator.identifiers().contains(row.blocklist)).orElse(false)) {
                    figures.operatorRight++;
                }
            }
        }
        return figures;
    }

    @Test
    void theHeldOutPartIsTheOneSplitOffBeforeTuning() throws Exception {
        assertThat(sha256(resource("held-out.tsv"))).as("held-out.tsv changed: it is never edited (see README.md there)")
            .isEqualTo(HELD_OUT_SHA256);
    }

    @Test
    void heldOutReplies() throws Exception {
        measureAndHold("held-out", 300, HELD_OUT_CATEGORY_FLOOR, HELD_OUT_TEMPORARY_FLOOR);
    }

    @Test
    void tuningReplies() throws Exception {
        measureAndHold("tuning", 9006, TUNING_CATEGORY_FLOOR, TUNING_TEMPORARY_FLOOR);
    }

    /** Prints one part's figures and holds them to its floors. */
    private static void measureAndHold(String part, int leastRows, double categoryFloor, double temporaryFloor) throws IOException {
        Figures figures = measure(rows(resource(part + ".tsv")));
        System.out.println(figures.summary(part));

        assertThat(figures.rows).isGreaterThanOrEqualTo(leastRows);
        assertThat(figures.categoryPercent()).as(part + ": category right, %").isGreaterThanOrEqualTo(categoryFloor);
        assertThat(figures.temporaryPercent()).as(part + ": temporary right, %").isGreaterThanOrEqualTo(temporaryFloor);
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
}
