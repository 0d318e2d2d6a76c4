package io.maelezo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import com.fasterxml.jackson.core.JsonGenerator;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.BounceReport;
import io.maelezo.report.Failure;

/**
 * {@code classify --eml FILE...}: what maelezo understands of each message, one JSON object per
 * message ({@code file}, {@code message} for each of an mbox's several, {@code is_bounce},
 * {@code suspected_forged}, {@code recipients}; see README.md). A file is one message or an mbox
 * ({@link MailboxFile}).
 */
final class ClassifyEml {
    private ClassifyEml() {
    }

    /** @return whether every file could be read (one that cannot gets "error" and the others are still read) */
    static boolean run(List<String> files, BounceReader reader, BounceDecorator decorator, PrintStream out) throws IOException {
        boolean allRead = true;
        for (String file : files) {
            int[] done = {0};
            try {
                MailboxFile.forEach(Path.of(file), (number, several, message) -> {
                    out.println(describe(file, several ? number : 0, message, reader, decorator));
                    done[0] = number;
                });
            } catch (IOException | javax.mail.MessagingException | RuntimeException e) {
                // A file (or an mbox's next message) that cannot be read: said, and the other files are still read.
                JsonLine line = new JsonLine();
                JsonGenerator result = line.generator;
                result.writeStartObject();
                result.writeStringField("file", file);
                if (done[0] > 0) {
                    result.writeNumberField("message", done[0] + 1);
                }
                result.writeBooleanField("is_bounce", false);
                result.writeBooleanField("suspected_forged", false);
                result.writeArrayFieldStart("recipients");
                result.writeEndArray();
                result.writeStringField("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                result.writeEndObject();
                out.println(line.text());
                allRead = false;
            }
        }
        return allRead;
    }

    /**
     * One message's JSON line.
     *
     * @param number the message's place in an mbox of several, from 1; 0 for a file of one message
     */
    private static String describe(String file, int number, InputStream message, BounceReader reader, BounceDecorator decorator)
        throws IOException, javax.mail.MessagingException {
        MimeMessage read = new MimeMessage(MaelezoCli.session(), message);
        Optional<BounceReport> report = reader.read(read);
        List<Failure> failures = report.map(BounceReport::failures).orElse(List.of());
        // Every verdict first: an error half-way leaves no half-written line.
        List<Verdict> verdicts = new ArrayList<>();
        for (Failure failure : failures) {
            verdicts.add(decorator.verdict(failure, Optional.empty(), report.get()));
        }
        JsonLine line = new JsonLine();
        JsonGenerator result = line.generator;
        result.writeStartObject();
        result.writeStringField("file", file);
        if (number > 0) {
            result.writeNumberField("message", number);
        }
        result.writeBooleanField("is_bounce", !failures.isEmpty());
        result.writeBooleanField("suspected_forged", !failures.isEmpty() && decorator.suspectedForged(report.get()));
        result.writeArrayFieldStart("recipients");
        for (int i = 0; i < failures.size(); i++) {
            Verdict verdict = verdicts.get(i);
            result.writeStartObject();
            result.writeStringField("recipient", failures.get(i).recipient());
            result.writeStringField("forwarded_to", failures.get(i).forwardedTo().orElse(null));
            result.writeStringField("action", verdict.action().id());
            JsonLine.classification(result, verdict.classification());
            result.writeStringField("reply", verdict.classification().diagnostic().text());
            result.writeStringField("suggestion", verdict.action() == Action.FAILED
                ? decorator.engine().suggestion(failures.get(i).recipient(), verdict.classification()).orElse(null) : null);
            result.writeEndObject();
        }
        result.writeEndArray();
        result.writeEndObject();
        return line.text();
    }
}
