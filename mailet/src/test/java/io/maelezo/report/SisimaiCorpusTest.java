package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.BodyPart;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.maelezo.cli.MailboxFile;
import io.maelezo.engine.Engine;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.engine.Settings;

/**
 * Sisimai's ~300 real bounces from 60+ kinds of mail server (../shared/corpus/sisimai, read in
 * place): maelezo must recognise every failure bounce (298 of 298), leave feedback reports,
 * vacation notices and delivery reports alone, agree with the label for at least 95% of the
 * failed recipients (297 of 312 today; the 15 others are labels that the replies' own words
 * dispute, e.g. "Unknown user" labelled rejected; a recipient Sisimai calls
 * "delayed" agrees when maelezo says the server still tries), and decorate every one without an error, keeping every original part.
 */
class SisimaiCorpusTest {
    private static final BounceReader READER = BounceReader.load();
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()));
    private static final Set<String> NOT_FAILURES = Set.of("feedback", "vacation", "delivered");

    private static Path corpus;
    private static Map<String, List<String>> labels;
    private static Map<String, Set<String>> agreement;

    @BeforeAll
    static void readLabels() throws Exception {
        corpus = Path.of(System.getProperty("maelezo.corpus.dir", "../../shared/corpus/sisimai"));
        if (!Files.isDirectory(corpus.resolve("emails"))) {
            // Never skipped: README publishes these figures (-Dmaelezo.corpus.dir=... names another place).
            fail("the Sisimai corpus is not at " + corpus.toAbsolutePath());
        }
        labels = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(corpus.resolve("labels.tsv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\t", -1);
            labels.computeIfAbsent(cells[0], file -> new ArrayList<>()).add(cells[4]);
        }
        agreement = new HashMap<>();
        try (InputStream in = SisimaiCorpusTest.class.getResourceAsStream("/io/maelezo/sisimai-agreement.tsv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).skip(1)
                .forEach(line -> agreement.put(line.split("\t")[0], Set.of(line.split("\t")[1].split(","))));
        }
    }

    @Test
    void failureBouncesAreRecognisedAndTheirRecipientsUnderstood() throws Exception {
        int failureMails = 0;
        int recognised = 0;
        int recipients = 0;
        int agreeing = 0;
        int found = 0;
        List<String> wronglyTaken = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : labels.entrySet()) {
            // As classify --eml reads a file: each message of an mbox (rhost-cox-01 holds two bounces).
            List<Map.Entry<BounceReport, Failure>> failures = new ArrayList<>();
            MailboxFile.forEach(corpus.resolve("emails").resolve(entry.getKey()), (number, several, in) -> {
                Optional<BounceReport> report = READER.read(new MimeMessage(Session.getInstance(new Properties()), in));
                report.ifPresent(r -> r.failures().forEach(failure -> failures.add(Map.entry(r, failure))));
            });
            List<String> failureLabels = entry.getValue().stream().filter(l -> !NOT_FAILURES.contains(l)).collect(Collectors.toList());
            if (failureLabels.isEmpty()) {
                if (!failures.isEmpty()) {
                    wronglyTaken.add(entry.getKey());
                }
                continue;
            }
            failureMails++;
            if (!failures.isEmpty()) {
                recognised++;
            }
            for (int i = 0; i < failureLabels.size(); i++) {
                recipients++;
                if (i >= failures.size()) {
                    continue;
                }
                found++;
                Verdict verdict = DECORATOR.verdict(failures.get(i).getValue(), Optional.empty(), failures.get(i).getKey());
                if (failureLabels.get(i).equals("delayed")) {
                    // A delay notice: right when maelezo tells the person the server still tries.
                    if (verdict.action() == Action.DELAYED) {
                        agreeing++;
                    }
                    continue;
                }
                Set<String> accepted = agreement.getOrDefault(failureLabels.get(i), Set.of());
                String category = verdict.classification().category().id();
                if (accepted.contains("*") || accepted.contains(category)) {
                    agreeing++;
                }
            }
        }
        System.out.printf("Sisimai corpus: %d/%d failure bounces recognised (%.1f%%), %d/%d recipients found, %d/%d agree (%.1f%%)%n",
            recognised, failureMails, 100.0 * recognised / failureMails, found, recipients, agreeing, recipients, 100.0 * agreeing / recipients);

        assertThat(wronglyTaken).as("feedback, vacation and delivery reports taken for failures").isEmpty();
        assertThat(100.0 * recognised / failureMails).as("failure bounces recognised, %").isGreaterThanOrEqualTo(100.0);
        assertThat(found).as("failed recipients found").isEqualTo(recipients);
        assertThat(100.0 * agreeing / recipients).as("failed recipients whose category agrees, %").isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void everyEmailGoesThroughTheDecoratorAndKeepsEveryOriginalPart() throws Exception {
        List<String> problems = new ArrayList<>();
        try (var files = Files.list(corpus.resolve("emails"))) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                byte[] original = Files.readAllBytes(file);
                try {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original));
                    Decoration decoration = DECORATOR.decorate(message, Optional.empty());
                    if (decoration.message().isEmpty()) {
                        continue;
                    }
                    OriginalParts.assertKept(original, decoration.message().get(), file.getFileName().toString());
                } catch (Exception | AssertionError e) {
                    problems.add(file.getFileName() + ": " + e);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
