package io.maelezo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;
import javax.mail.util.SharedByteArrayInputStream;
import javax.mail.util.SharedFileInputStream;

import com.fasterxml.jackson.core.JsonGenerator;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.BounceReport;
import io.maelezo.report.Failure;

/**
 * {@code classify --eml FILE...}: what maelezo understands of each message, one JSON object per
 * file ({@code file}, {@code is_bounce}, {@code suspected_forged}, {@code recipients}; see README.md).
 */
final class ClassifyEml {
    private ClassifyEml() {
    }

    /** @return whether every file could be read (one that cannot gets "error" and the others are still read) */
    static boolean run(List<String> files, BounceReader reader, BounceDecorator decorator, PrintStream out) throws IOException {
        boolean allRead = true;
        for (String file : files) {
            JsonLine line = new JsonLine();
            JsonGenerator result = line.generator;
            result.writeStartObject();
            result.writeStringField("file", file);
            try (InputStream message = open(Path.of(file))) {
                MimeMessage read = new MimeMessage(MaelezoCli.session(), message);
                Optional<BounceReport> report = reader.read(read);
                List<Failure> failures = report.map(BounceReport::failures).orElse(List.of());
                // Every verdict first: an error half-way leaves no half-written line.
                List<Verdict> verdicts = new ArrayList<>();
                for (Failure failure : failures) {
                    verdicts.add(decorator.verdict(failure, Optional.empty(), report.get()));
                }
                result.writeBooleanField("is_bounce", !failures.isEmpty());
                result.writeBooleanField("suspected_forged", !failures.isEmpty() && decorator.suspectedForged(report.get()));
                result.writeArrayFieldStart("recipients");
                for (int i = 0; i < failures.size(); i++) {
                    Verdict verdict = verdicts.get(i);
                    result.writeStartObject();
                    result.writeStringField("recipient", failures.get(i).recipient());
                    result.writeStringField("action", verdict.action().id());
                    JsonLine.classification(result, verdict.classification());
                    result.writeStringField("reply", verdict.classification().diagnostic().text());
                    result.writeStringField("suggestion", verdict.action() == Action.FAILED
                        ? decorator.engine().suggestion(failures.get(i).recipient(), verdict.classification()).orElse(null) : null);
                    result.writeEndObject();
                }
                result.writeEndArray();
            } catch (IOException | javax.mail.MessagingException e) {
                line = new JsonLine();
                result = line.generator;
                result.writeStartObject();
                result.writeStringField("file", file);
                result.writeBooleanField("is_bounce", false);
                result.writeBooleanField("suspected_forged", false);
                result.writeArrayFieldStart("recipients");
                result.writeEndArray();
                result.writeStringField("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                allRead = false;
            }
            result.writeEndObject();
            out.println(line.text());
        }
        return allRead;
    }

    /** The bytes read first to see whether a file ends its lines in CR alone. */
    private static final int HEAD = 8192;
    /** Files up to this size are read into memory at once; larger ones are read from disk as needed. */
    private static final long IN_MEMORY = 1024 * 1024;

    /**
     * A bounce file to parse, as a shared stream (javax.mail reads its parts without copying
     * them): a file of up to 1 MB read at once, a larger one from disk as javax.mail needs it, so
     * that a bounce of any size costs little memory; one whose first lines end in CR alone is read
     * whole and given LF line ends.
     */
    private static InputStream open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (BounceReader.withLineFeeds(head) != head) {
            return new SharedByteArrayInputStream(BounceReader.withLineFeeds(Files.readAllBytes(file)));
        }
        if (Files.size(file) <= IN_MEMORY) {
            return new SharedByteArrayInputStream(Files.readAllBytes(file));
        }
        return new SharedFileInputStream(file.toFile(), HEAD);
    }
}
