package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How far two careful labellers agree, and where maelezo stands between them
 * (devset/second-labeller.tsv, README "How far two labellers agree"): 320 tuning replies labelled
 * a second time, blind, from the reply, its source's words and a one-page guide. The labeller had
 * the source's explanation, which maelezo never has, and still disagreed with the set on about
 * one category in ten: most of those replies sit on a border the guide cannot settle (a malformed
 * header: protocol error or the server's rules; the sender's own domain not found: its
 * authentication or a policy; a DNS check that timed out: network or the server's trouble).
 */
class SecondLabellerTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    /**
     * maelezo's agreement with the set on the replies the labeller called clear (high confidence):
     * 94.4% when the study was made (203 of 215); the floor is one reply below. On those, the
     * labeller agreed with the set on 96.7%.
     */
    private static final double CLEAR_REPLIES_FLOOR = 93.9;

    @Test
    void maelezoStaysCloseToTheLabellersOnTheRepliesTheyFoundClear() {
        List<String[]> rows = DevelopmentSetFile.rows("second-labeller.tsv");
        int labellers = 0, maelezoSet = 0, maelezoLabeller = 0, temporaryLabellers = 0, temporaryMaelezo = 0;
        int clear = 0, clearLabellers = 0, clearMaelezo = 0;
        for (String[] row : rows) {
            String reply = row[0], category = row[1], confidence = row[3], setCategory = row[5];
            boolean temporary = Boolean.parseBoolean(row[2]), setTemporary = Boolean.parseBoolean(row[6]);
            Classification told = CLASSIFIER.classify(reply);
            String toldCategory = told.category().id();
            labellers += category.equals(setCategory) ? 1 : 0;
            maelezoSet += toldCategory.equals(setCategory) ? 1 : 0;
            maelezoLabeller += toldCategory.equals(category) ? 1 : 0;
            temporaryLabellers += temporary == setTemporary ? 1 : 0;
            temporaryMaelezo += told.temporary() == setTemporary ? 1 : 0;
            if (confidence.equals("high")) {
                clear++;
                clearLabellers += category.equals(setCategory) ? 1 : 0;
                clearMaelezo += toldCategory.equals(setCategory) ? 1 : 0;
            }
        }
        int n = rows.size();
        System.out.printf("Second labeller, %d tuning replies labelled blind: agrees with the set on %.1f%% of categories"
            + " (temporary %.1f%%); maelezo agrees with the set on %.1f%% (temporary %.1f%%), with the second labeller on %.1f%%;"
            + " on the %d replies the labeller found clear: labeller %.1f%%, maelezo %.1f%%%n",
            n, pct(labellers, n), pct(temporaryLabellers, n), pct(maelezoSet, n), pct(temporaryMaelezo, n),
            pct(maelezoLabeller, n), clear, pct(clearLabellers, clear), pct(clearMaelezo, clear));

        assertThat(n).as("rows in second-labeller.tsv").isEqualTo(320);
        assertThat(pct(clearMaelezo, clear)).as("maelezo agrees with the set on the replies the labeller found clear, %")
            .isGreaterThanOrEqualTo(CLEAR_REPLIES_FLOOR);
    }

    private static double pct(int part, int whole) {
        return 100.0 * part / whole;
    }
}
