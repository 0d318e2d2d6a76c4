package io.maelezo.engine.knowledge;

import io.maelezo.engine.classify.DevelopmentSetFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.BounceReport;
import io.maelezo.report.Failure;

/**
 * The knowledge files hold nothing dead and miss no blocklist the replies we know name: every
 * pattern of reason-patterns.tsv and vendor-codes.tsv decides at least one real reply of the
 * development set, real-world-replies.tsv or the Sisimai corpus, and every DNSBL-like zone named there or in the
 * Sisimai corpus is an operator's. Failures name knowledge rows and zones only, never a reply
 * (nobody reads the held-out part).
 */
class KnowledgeCoverageTest {
    private static final BounceReader READER = BounceReader.load();
    /** A host name: labels and a top-level domain of letters. */
    private static final Pattern HOST = Pattern.compile("(?<![\\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,})(?![\\w-])");
    /** Names that end like a file, not a host (spamcop.net/bl.shtml), and the documentation domains. */
    private static final Pattern NOT_A_ZONE = Pattern.compile("\\.(s?html?|cgi|php|aspx?|jsp)$|(^|\\.)example\\.(com|net|org)$|\\.(example|invalid|test)$");
    /** What makes a host name look like a DNS blocklist zone. */
    private static final Pattern DNSBL_LIKE = Pattern.compile("(^|\\.)(spamhaus\\.|[a-z0-9-]*dnsbl[a-z0-9-]*\\.|r?bl\\.|[a-z0-9-]*rbl\\.|surbl\\.|uribl\\.)");

    static List<String> tuningAndRealWorldReplies() throws IOException {
        List<String> replies = new ArrayList<>();
        replies.addAll(column("/io/maelezo/devset/tuning.tsv"));
        replies.addAll(column("/io/maelezo/real-world-replies.tsv"));
        return replies;
    }

    static List<String> column(String resource) {
        return DevelopmentSetFile.rowsOf(resource).stream().map(row -> row[0]).collect(Collectors.toList());
    }

    static List<Path> sisimaiEmails() throws IOException {
        Path corpus = Path.of(System.getProperty("maelezo.corpus.dir", "../../shared/corpus/sisimai")).resolve("emails");
        assertThat(corpus).as("the Sisimai corpus (never skipped)").isDirectory();
        try (Stream<Path> files = Files.list(corpus)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyPatternAndProviderCodeDecidesSomeRealReply() throws Exception {
        Classifier classifier = Classifier.standard();
        Set<String> decided = new TreeSet<>();
        Pattern row = Pattern.compile("(reason-patterns\\.tsv|vendor-codes\\.tsv) line (\\d+)");
        List<String> deciders = new ArrayList<>();
        List<String> replies = new ArrayList<>(tuningAndRealWorldReplies());
        replies.addAll(column("/io/maelezo/devset/held-out.tsv"));
        for (String reply : replies) {
            deciders.add(classifier.classify(reply).decidedBy());
        }
        // The Sisimai corpus's bounces, read as the decorator reads them.
        BounceDecorator decorator = new BounceDecorator(Engine.create(Settings.defaults()));
        for (Path file : sisimaiEmails()) {
            try (InputStream in = Files.newInputStream(file)) {
                Optional<BounceReport> report = READER.read(new MimeMessage(Session.getInstance(new Properties()), in));
                for (Failure failure : report.map(BounceReport::failures).orElse(List.of())) {
                    deciders.add(decorator.classify(failure, Optional.empty(), report.get()).decidedBy());
                }
            }
        }
        for (String decider : deciders) {
            Matcher found = row.matcher(decider);
            while (found.find()) {
                decided.add(found.group(1) + " line " + found.group(2));
            }
        }
        List<String> unused = new ArrayList<>();
        for (int line : ReasonPatterns.load().lines()) {
            if (!decided.contains("reason-patterns.tsv line " + line)) {
                unused.add("reason-patterns.tsv line " + line);
            }
        }
        for (int line : VendorCodes.load().lines()) {
            if (!decided.contains("vendor-codes.tsv line " + line)) {
                unused.add("vendor-codes.tsv line " + line);
            }
        }
        assertThat(unused).as("knowledge rows that decide no reply we know (remove them, or add the real reply they are for)").isEmpty();
    }

    @Test
    void everyTextVariantTellsSomeRealReplyOfTheTuningPart() throws Exception {
        Classifier classifier = Classifier.standard();
        Set<String> told = new TreeSet<>();
        for (String reply : tuningAndRealWorldReplies()) {
            classifier.classify(reply).textVariant().ifPresent(told::add);
        }
        assertThat(told).as("groups of text-variants.tsv that tell some reply we know").containsAll(TextVariants.load().groups());
    }

    /**
     * A reason row whose note says "its texts are text-variants.tsv's GROUP" keeps the same words
     * in two files: every real reply that row decides must be told by that group, so that the two
     * word lists cannot drift apart.
     */
    @Test
    void everyReplyARowDecidesForAVariantIsToldByThatVariant() throws Exception {
        Pattern names = Pattern.compile("text-variants\\.tsv's ([a-z-]+)");
        java.util.Map<String, String> groupOfLine = new java.util.HashMap<>();
        for (java.util.Map<String, String> row : TsvTable.load("reason-patterns.tsv").rows()) {
            Matcher named = names.matcher(row.get("note"));
            if (named.find()) {
                groupOfLine.put("reason-patterns.tsv line " + row.get(TsvTable.LINE), named.group(1));
            }
        }
        assertThat(groupOfLine).as("reason rows that name their texts' group").hasSizeGreaterThanOrEqualTo(4);
        Classifier classifier = Classifier.standard();
        List<String> untold = new ArrayList<>();
        for (String reply : tuningAndRealWorldReplies()) {
            var classification = classifier.classify(reply);
            String group = groupOfLine.get(classification.decidedBy());
            if (group != null && !classification.textVariant().equals(Optional.of(group))) {
                untold.add(classification.decidedBy() + " (" + group + "): told as " + classification.textVariant().orElse("its category"));
            }
        }
        assertThat(untold).as("replies a row decides for a group, told otherwise (align the two files' words)").isEmpty();
    }

    @Test
    void everyBlocklistZoneTheRepliesNameIsKnown() throws Exception {
        BlocklistCatalog catalog = BlocklistCatalog.load();
        List<String> texts = new ArrayList<>(tuningAndRealWorldReplies());
        texts.addAll(column("/io/maelezo/devset/held-out.tsv"));
        for (Path file : sisimaiEmails()) {
            texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        Set<String> unknown = new TreeSet<>();
        for (String text : texts) {
            Matcher host = HOST.matcher(text.toLowerCase(Locale.ROOT));
            while (host.find()) {
                String name = host.group(1);
                if (DNSBL_LIKE.matcher(name).find() && !NOT_A_ZONE.matcher(name).find() && catalog.find(name).isEmpty()) {
                    unknown.add(name);
                }
            }
        }
        // Zone names only, never the replies they came from (the held-out part is read by no one).
        assertThat(unknown).as("DNSBL-like zones that blocklists.tsv does not know").isEmpty();
    }
}
