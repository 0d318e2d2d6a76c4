package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;

import io.maelezo.engine.parse.Diagnostic;
import io.maelezo.engine.parse.DiagnosticParser;

/**
 * The content of a {@code message/delivery-status} part (RFC 3464): the per-message fields, then
 * one group of fields per recipient, groups separated by blank lines. Read and rewritten as
 * ISO-8859-1 so that every byte we do not touch stays exactly as it was.
 */
public final class DeliveryStatus {
    private static final Pattern STATUS_FIELD = Pattern.compile("(?im)^(Status[ \\t]*:[ \\t]*)(.*(?:\\r?\\n[ \\t]+.*)*)");
    private static final Pattern VALID_STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}(?:[ \\t]*\\(.*\\))?");
    private static final Pattern FINAL_RECIPIENT_FIELD = Pattern.compile("(?im)^Final-Recipient\\s*:");
    /**
     * Where a second (third, ...) recipient's fields start inside one group: at a Final-Recipient
     * line, or at the Original-Recipient line just before it (that line must start with the field
     * name: "original-recipient:" at the end of some other field's value is not that field).
     */
    private static final Pattern RECIPIENT_START = Pattern.compile(
        "(?im)(?<=\\n)(?<!^Original-Recipient:[^\\n]{0,300}\\n)(?=(?:Original-Recipient[^\\n]*\\n)?Final-Recipient\\s*:)");
    private static final Pattern MTA_TYPE = Pattern.compile("^[A-Za-z-]+;\\s*");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");
    private static final Pattern GAVE_UP = Pattern.compile("(?i)too many retries");

    private final String text;
    /** How the bytes were read, and are written back when repaired. */
    private final Charset charset;
    private final List<String> groups;
    private final List<String> separators;
    private final List<InternetHeaders> fields;

    private DeliveryStatus(String text, Charset charset, List<String> groups, List<String> separators) {
        this.text = text;
        this.charset = charset;
        this.groups = groups;
        this.separators = separators;
        this.fields = new ArrayList<>(groups.size());
        groups.forEach(group -> fields.add(fields(group)));
    }

    /**
     * Reads a status part: as UTF-8 when it is valid UTF-8 (message/global-delivery-status, and
     * servers that write their replies in UTF-8 anyway), else byte for byte as ISO-8859-1.
     */
    public static DeliveryStatus parse(byte[] content) {
        Charset charset = isUtf8(content) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(content, charset);
        List<String> groups = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        int start = 0;
        for (int[] separator = nextSeparator(text, 0); separator != null; separator = nextSeparator(text, separator[1])) {
            groups.add(text.substring(start, separator[0]));
            separators.add(text.substring(separator[0], separator[1]));
            start = separator[1];
        }
        groups.add(text.substring(start));
        separators.add("");
        splitRunTogetherRecipients(groups, separators);
        return new DeliveryStatus(text, charset, groups, separators);
    }

    private static boolean isUtf8(byte[] content) {
        if (isAscii(content)) {
            return true; // most reports: no decoder needed to tell
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next blank line(s) between two groups of fields, from {@code from}: a line break followed
     * by one or more lines holding nothing but spaces or tabs ({@code \r?\n([ \t]*\r?\n)+}).
     * Returns {start, end}, or null when there is none.
     */
    static int[] nextSeparator(String text, int from) {
        for (int lineEnd = text.indexOf('\n', from); lineEnd >= 0; lineEnd = text.indexOf('\n', lineEnd + 1)) {
            int end = lineEnd + 1;
            boolean blankLine = false;
            while (true) {
                int at = end;
                while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                    at++;
                }
                if (at < text.length() && text.charAt(at) == '\r') {
                    at++;
                }
                if (at >= text.length() || text.charAt(at) != '\n') {
                    break;
                }
                end = at + 1;
                blankLine = true;
            }
            if (blankLine) {
                int start = lineEnd > from && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
                return new int[] {start, end};
            }
        }
        return null;
    }

    /** Some servers write several recipients' fields without a blank line between them: one group each. */
    private static void splitRunTogetherRecipients(List<String> groups, List<String> separators) {
        for (int i = 0; i < groups.size(); i++) {
            if (!mayHoldSeveralRecipients(groups.get(i))) {
                continue; // the common case, seen without a regular expression
            }
            String[] pieces = RECIPIENT_START.split(groups.get(i));
            if (FINAL_RECIPIENT_FIELD.matcher(groups.get(i)).results().count() > 1 && pieces.length > 1) {
                String separator = separators.get(i);
                groups.remove(i);
                separators.remove(i);
                for (int j = 0; j < pieces.length; j++) {
                    groups.add(i + j, pieces[j]);
                    separators.add(i + j, j + 1 < pieces.length ? "" : separator);
                }
                i += pieces.length - 1;
            }
        }
    }

    private static boolean mayHoldSeveralRecipients(String group) {
        int first = indexOfIgnoreCase(group, "final-recipient", 0);
        return first >= 0 && indexOfIgnoreCase(group, "final-recipient", first + 1) >= 0;
    }

    private static int indexOfIgnoreCase(String text, String word, int from) {
        char lower = Character.toLowerCase(word.charAt(0));
        char upper = Character.toUpperCase(word.charAt(0));
        for (int i = from; i + word.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The per-message fields' Reporting-MTA, without its type. */
    public Optional<String> reportingMta() {
        return field(fields.get(0), "Reporting-MTA").map(value -> MTA_TYPE.matcher(value).replaceFirst(""));
    }

    public List<RecipientStatus> recipients() {
        List<RecipientStatus> recipients = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            InternetHeaders group = fields.get(i);
            Optional<String> finalRecipient = field(group, "Final-Recipient").or(() -> field(group, "Original-Recipient"));
            if (finalRecipient.isPresent()) {
                recipients.add(new RecipientStatus(finalRecipient.get(), field(group, "Action").orElse(null),
                    field(group, "Status").orElse(null), field(group, "Diagnostic-Code").orElse(null),
                    field(group, "Will-Retry-Until").orElse(null), field(group, "Original-Recipient").orElse(null),
                    field(group, "X-Actual-Recipient").orElse(null)));
            }
        }
        return recipients;
    }

    /**
     * The same content with every malformed {@code Status:} made a valid status code: the enhanced
     * code found in the reply, else {@code C.0.0} from the reply code's class, else {@code 5.4.7} when
     * the sender gave up after retries. With {@code Action: failed} the class is always 5.
     * Empty when every Status was valid already (nothing to change).
     */
    public Optional<byte[]> repairedStatus(DiagnosticParser parser) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            String repaired = i == 0 ? group : repairGroup(group, fields.get(i), parser);
            changed |= !repaired.equals(group);
            out.append(repaired).append(separators.get(i));
        }
        return changed ? Optional.of(out.toString().getBytes(charset)) : Optional.empty();
    }

    private static String repairGroup(String group, InternetHeaders groupFields, DiagnosticParser parser) {
        Matcher status = STATUS_FIELD.matcher(group);
        if (!status.find()) {
            return group;
        }
        String value = unfold(status.group(2)).trim();
        if (VALID_STATUS.matcher(value).matches()) {
            return group;
        }
        boolean failed = field(groupFields, "Action").map(action -> action.trim().equalsIgnoreCase("failed")).orElse(false);
        String reply = value + " " + field(groupFields, "Diagnostic-Code").orElse("");
        String code = repairedCode(parser.parse(reply), reply, failed);
        return group.substring(0, status.start(2)) + code + group.substring(status.end(2));
    }

    static String repairedCode(Diagnostic diagnostic, String reply, boolean failed) {
        String code;
        if (diagnostic.enhancedStatus().isPresent()) {
            code = diagnostic.enhancedStatus().get();
        } else if (diagnostic.replyCode().isPresent()) {
            code = diagnostic.replyCode().get().charAt(0) + ".0.0";
        } else if (GAVE_UP.matcher(reply).find()) {
            code = "5.4.7";
        } else {
            code = (failed ? "5" : "4") + ".0.0";
        }
        return failed && !code.startsWith("5") ? "5" + code.substring(1) : code;
    }

    private static InternetHeaders fields(String group) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(group.getBytes(StandardCharsets.UTF_8)), true);
        } catch (MessagingException | RuntimeException e) {
            // javax.mail throws IndexOutOfBoundsException for a group that starts with a
            // continuation line (found by the fuzzer): such a group has no fields we can read.
            return new InternetHeaders();
        }
    }

    private static Optional<String> field(InternetHeaders fields, String name) {
        return Optional.ofNullable(fields.getHeader(name, " ")).map(DeliveryStatus::unfold);
    }

    private static String unfold(String value) {
        return value.indexOf('\n') < 0 ? value : FOLD.matcher(value).replaceAll(" ");
    }
}
