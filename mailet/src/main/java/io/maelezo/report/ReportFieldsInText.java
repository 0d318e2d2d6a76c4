package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;

/**
 * The fields of an RFC 3464 report written into a text bounce instead of a report part
 * ({@code Final-Recipient:}, {@code Action:}, {@code Status:}, {@code Diagnostic-Code:} in the text
 * itself, as some servers do): one failure per group of fields.
 */
final class ReportFieldsInText {
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient\\s*:");
    private static final Pattern BLANK_LINES = Pattern.compile("(?m)^\\s*$\\n?");
    private static final Pattern ORIGINAL_RECIPIENT = Pattern.compile("(?im)^Original-Recipient\\s*:");

    private ReportFieldsInText() {
    }

    /**
     * @param longest how much of the text after a group's first field is read when no other group follows
     */
    static List<Failure> failures(String ownWords, boolean delayed, int longest) {
        List<Failure> failures = new ArrayList<>();
        Matcher group = (FINAL_RECIPIENT.matcher(ownWords).find() ? FINAL_RECIPIENT : ORIGINAL_RECIPIENT).matcher(ownWords);
        List<Integer> starts = new ArrayList<>();
        while (group.find()) {
            starts.add(group.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            // A group runs to the next Final-Recipient (Original-Recipient right before it belongs to it).
            int end = i + 1 < starts.size() ? starts.get(i + 1) : Math.min(ownWords.length(), starts.get(i) + longest);
            String block = BLANK_LINES.matcher(ownWords.substring(starts.get(i), end)).replaceAll("");
            try {
                InternetHeaders fields = new InternetHeaders(new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)));
                RecipientStatus status = new RecipientStatus(
                    Optional.ofNullable(fields.getHeader("Final-Recipient", " ")).orElse(fields.getHeader("Original-Recipient", " ")),
                    fields.getHeader("Action", " "), fields.getHeader("Status", " "),
                    fields.getHeader("Diagnostic-Code", " "), fields.getHeader("Will-Retry-Until", " "));
                if (status.isFailure() && !status.recipient().isEmpty()
                    && failures.stream().noneMatch(f -> f.recipient().equalsIgnoreCase(status.recipient()))) {
                    failures.add(new Failure(status.recipient(), status.diagnostic().or(status::status).orElse(block),
                        status.status().orElse(null), delayed || status.isDelayed(), status.willRetryUntil().orElse(null)));
                }
            } catch (MessagingException | RuntimeException e) {
                // not fields after all (javax.mail may throw on a leading continuation line):
                // the address rules below read this text
            }
        }
        return failures;
    }
}
