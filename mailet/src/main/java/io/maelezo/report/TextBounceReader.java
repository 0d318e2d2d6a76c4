package io.maelezo.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * Reads bounces that are not (only) RFC 3464 reports: the text that qmail, Exim, Sendmail,
 * Exchange, Domino, Amazon SES and others write. No per-server code: a server family whose layout
 * says where each recipient stands is read by its row of {@code bounce-families.tsv}; every other
 * bounce by general rules: what the text looks like ({@code bounce-texts.tsv}), which addresses it
 * names, and what it says after each.
 */
final class TextBounceReader {
    private final BounceTexts texts;
    private final BounceFamilies families;
    private static final int MAX_REPLY = 1500;
    /** The position of a recipient the text does not name, whose reply is the whole text. */
    private static final int WHOLE_TEXT = -1;
    private static final Pattern ADDRESS = Pattern.compile(
        "(?<![\\w.+\\-=/])([A-Za-z0-9!#$%&'*+?^_`{|}~\\-]+(?:\\.[A-Za-z0-9!#$%&'*+?^_`{|}~\\-]+)*@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+)");
    /** Lines that name the sender, not a failed recipient: header-like fields of the sender or the message... */
    private static final Pattern SENDER_FIELD = Pattern.compile(
        "(?i)\\s*(from|mail from|sender|reply-to|return-path|cc|bcc|x-[\\w-]+|message-id|in-reply-to|references|envelope-from|reporting-mta|received-from-mta)\\s*:");
    /** ... and lines that give an address to write to for help. */
    private static final Pattern CONTACT_WORDS = Pattern.compile("(?i)\\b(contact|assistance|write to|send mail to)\\b|連絡|問い合わせ");
    /** Japanese puts "contact" after the address, often on the next line ("&lt;support@ocn.ad.jp&gt;" / "へご連絡ください"). */
    private static final Pattern CONTACT_AFTER = Pattern.compile("\\s*.{0,6}(連絡|問い合わせ)");
    /** Exim's and Sendmail's note, right before an address, of the address a failed one came from. */
    private static final Pattern EXPANDED_FROM = Pattern.compile("(generated from|expanded from)\\s*:?\\s*<?$");
    /** An address in angle brackets right after another: the one before is its display name ("a@b <c@d>: malformed address"). */
    private static final Pattern ANGLE_ADDRESS_AFTER = Pattern.compile("[ \\t]*<([^<>\\s@]+@[^<>\\s]+)>");
    private static final Pattern DAEMON = Pattern.compile(
        "(?i)mailer-?daemon|postmaster|post_master|mail ?delivery|mail ?administrator|bounce|returned mail|mailer|mail system|nobody|noreply|no-reply");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");
    private static final Pattern DELAY_WORD = Pattern.compile("(?i)delay");
    private static final Pattern TRAILING_DOTS = Pattern.compile("[.]+$");
    private static final Pattern DAEMON_LOCAL = Pattern.compile("(?i)^(mailer-?daemon|postmaster|post_master|root|bounces?|mail|nobody)$");
    private static final Pattern ORIGINAL_TO = Pattern.compile("(?im)^[ \\t]*to:[ \\t]*(.+)$");
    private static final Pattern ORIGINAL_CC = Pattern.compile("(?im)^[ \\t]*cc:");

    /** What a bounce's subject says beyond announcing a bounce (see {@link BounceTexts#withoutAnnouncement}). */
    String subjectWords(String subject) {
        return texts.withoutAnnouncement(subject);
    }

    /** Whether this is one e-mail address and nothing more (not a program's path, nor "@host"). */
    static boolean isAddress(String text) {
        return ADDRESS.matcher(text).matches();
    }

    TextBounceReader(BounceTexts texts, BounceFamilies families) {
        this.texts = texts;
        this.families = families;
    }

    /** The part of the text that is the bounce's own words, before any copy of the original message. */
    String ownWords(String text) {
        return text.substring(0, texts.originalStart(text));
    }

    /** A delivery failure told in text: bounce words or a bounce subject from a mail daemon, and no auto-reply. */
    boolean looksLikeBounce(MimeMessage message, String ownWords) throws MessagingException {
        String subject = Optional.ofNullable(message.getSubject()).orElse("");
        if (texts.matches(BounceTexts.Kind.AUTOREPLY, subject)) {
            return false;
        }
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        boolean autoReplied = autoSubmitted != null && autoSubmitted[0].trim().toLowerCase(Locale.ROOT).startsWith("auto-replied");
        boolean bounceWords = texts.matches(BounceTexts.Kind.START, ownWords);
        // Gmail's and James 3.9's bounces say Auto-Submitted: auto-replied too: only the words of a
        // vacation notice make an auto-reply.
        if (autoReplied && !bounceWords && texts.matches(BounceTexts.Kind.AUTOREPLY, ownWords.substring(0, Math.min(ownWords.length(), 600)))) {
            return false;
        }
        return bounceWords || (texts.matches(BounceTexts.Kind.SUBJECT, subject) && fromDaemon(message));
    }

    private static boolean fromDaemon(MimeMessage message) throws MessagingException {
        String[] from = message.getHeader("From");
        if (from == null) {
            return true;
        }
        String[] returnPath = message.getHeader("Return-Path");
        if (returnPath != null && WHITE_SPACE.matcher(returnPath[0]).replaceAll("").equals("<>")) {
            return true;
        }
        return DAEMON.matcher(from[0]).find();
    }

    /**
     * The failed recipients the text names, each with the words that follow it. Fields in the
     * style of RFC 3464 written into the text (Final-Recipient, Diagnostic-Code) are read first.
     */
    List<Failure> failures(MimeMessage message, String ownWords) throws MessagingException {
        return failures(message, ownWords, true);
    }

    /** @param fields whether fields in the style of RFC 3464 in the text are read (not when the report's own fields were) */
    List<Failure> failures(MimeMessage message, String ownWords, boolean fields) throws MessagingException {
        boolean delayed = texts.matches(BounceTexts.Kind.DELAY_BODY, ownWords)
            || texts.matches(BounceTexts.Kind.DELAY, Optional.ofNullable(message.getSubject()).orElse(""))
            && !texts.matches(BounceTexts.Kind.START, DELAY_WORD.matcher(ownWords).replaceAll(""));
        List<Failure> fromFields = fields ? ReportFieldsInText.failures(ownWords, delayed, MAX_REPLY * 2) : List.of();
        if (!fromFields.isEmpty()) {
            return fromFields;
        }
        Optional<List<BounceFamilies.Named>> named = families.read(BounceFamilies.signature(message, ownWords), ownWords, MAX_REPLY);
        if (named.isPresent()) {
            List<Failure> failures = new ArrayList<>();
            named.get().forEach(recipient -> failures.add(new Failure(recipient.recipient, recipient.reply, delayed)));
            return failures;
        }
        Set<String> excluded = headerAddresses(message);
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> announced = failedRecipientsHeader(message);
        int lineStart = 0;
        String[] lines = ownWords.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            // Only a line with an @ can name an address (most lines of a bounce have none).
            if (line.indexOf('@') >= 0 && !SENDER_FIELD.matcher(line).lookingAt() && !CONTACT_WORDS.matcher(line).find()
                && !(n + 1 < lines.length && CONTACT_AFTER.matcher(lines[n + 1]).lookingAt())) {
                Matcher address = ADDRESS.matcher(line);
                Set<String> displayNames = null; // made only for a line that has one (Exim's malformed entries)
                while (address.find()) {
                    String before = line.substring(Math.max(0, address.start() - 30), address.start()).toLowerCase(Locale.ROOT);
                    if (EXPANDED_FROM.matcher(before).find()) {
                        continue; // Exim's and Sendmail's note of the address a failed one came from
                    }
                    String found = TRAILING_DOTS.matcher(address.group(1)).replaceAll("");
                    String key = found.toLowerCase(Locale.ROOT);
                    Matcher angle = ANGLE_ADDRESS_AFTER.matcher(line).region(address.end(), line.length());
                    if (angle.lookingAt() && !angle.group(1).equalsIgnoreCase(found)) {
                        // One entry, "a@b <c@d>", whose address is the one in angle brackets; Exim
                        // names a@b again on that line ("<c@d> may not follow a@b").
                        if (displayNames == null) {
                            displayNames = new HashSet<>();
                        }
                        displayNames.add(key);
                        continue;
                    }
                    if (displayNames != null && displayNames.contains(key)) {
                        continue;
                    }
                    String local = key.substring(0, key.indexOf('@'));
                    if (!excluded.contains(key) && !DAEMON_LOCAL.matcher(local).matches() && !positions.containsKey(key)) {
                        // The words about a recipient start on its line ("Invalid user: a@b" or "a@b: 550 ...").
                        positions.put(key, lineStart);
                    }
                }
            }
            lineStart += line.length() + 1;
        }
        positions = SendmailTranscript.withTheirBlocks(ownWords, positions);
        if (!announced.isEmpty()) {
            // Exim and Gmail name the failed recipients in X-Failed-Recipients: that list is the truth.
            Map<String, Integer> ordered = new LinkedHashMap<>();
            for (String recipient : announced) {
                // The only recipient, named in the header alone (Google Workspace): the whole text is about it.
                int unnamed = announced.size() == 1 ? WHOLE_TEXT : ownWords.length();
                ordered.put(recipient, positions.getOrDefault(recipient, unnamed));
            }
            positions = ordered;
        }
        List<Failure> failures = new ArrayList<>();
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(positions.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getValue() == WHOLE_TEXT) {
                failures.add(new Failure(entries.get(i).getKey(), ownWords.substring(0, Math.min(ownWords.length(), MAX_REPLY)), delayed));
                continue;
            }
            int start = Math.min(entries.get(i).getValue(), ownWords.length());
            int next = i + 1 < entries.size() ? entries.get(i + 1).getValue() : -1;
            // Several recipients on one line share that line's words.
            int end = next > start ? next : endOfParagraph(ownWords, start);
            end = SendmailTranscript.endBeforeNextServer(ownWords, start, end);
            end = Math.max(start, Math.min(end, start + MAX_REPLY));
            failures.add(new Failure(entries.get(i).getKey(), SendmailTranscript.remoteRefusal(ownWords.substring(start, end)), delayed));
        }
        if (failures.isEmpty()) {
            failures.add(new Failure(onlyRecipientOfOriginal(message, ownWords, excluded).orElse(""),
                ownWords.length() > MAX_REPLY * 2 ? ownWords.substring(0, MAX_REPLY * 2) : ownWords, delayed));
        }
        return failures;
    }

    /**
     * When the bounce's words name nobody (Verizon's "Message could not be delivered to mobile"):
     * the recipient of the copy of the original that follows them, if its To: names exactly one
     * address and it has no Cc:, the only recipient it can have been.
     */
    private static Optional<String> onlyRecipientOfOriginal(MimeMessage message, String ownWords, Set<String> excluded) throws MessagingException {
        String text;
        try {
            text = MessageText.of(message);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (text.length() <= ownWords.length()) {
            return Optional.empty();
        }
        String original = text.substring(ownWords.length(), Math.min(text.length(), ownWords.length() + 4096));
        Matcher to = ORIGINAL_TO.matcher(original);
        if (!to.find() || ORIGINAL_CC.matcher(original).find()) {
            return Optional.empty();
        }
        Matcher address = ADDRESS.matcher(to.group(1));
        List<String> found = new ArrayList<>();
        while (address.find()) {
            found.add(address.group(1).toLowerCase(Locale.ROOT));
        }
        if (found.size() != 1 || excluded.contains(found.get(0)) || DAEMON_LOCAL.matcher(found.get(0).substring(0, found.get(0).indexOf('@'))).matches()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /**
     * The end of the paragraph that starts at this line: the blank lines after the first line,
     * below this one, that has some words.
     */
    private static int endOfParagraph(String text, int start) {
        int lineEnd = text.indexOf('\n', start);
        while (lineEnd >= 0) {
            int next = lineEnd + 1;
            int end = text.indexOf('\n', next);
            if (end < 0) {
                return text.length();
            }
            if (!text.substring(next, end).isBlank()) {
                int after = end + 1;
                int blanks = after;
                while (true) {
                    int k = blanks;
                    while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                        k++;
                    }
                    if (k < text.length() && text.charAt(k) == '\n') {
                        blanks = k + 1;
                    } else {
                        break;
                    }
                }
                if (blanks > after) {
                    return blanks;
                }
            }
            lineEnd = end;
        }
        return text.length();
    }

    private static List<String> failedRecipientsHeader(MimeMessage message) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        String[] values = message.getHeader("X-Failed-Recipients");
        if (values != null) {
            for (String value : values) {
                Matcher address = ADDRESS.matcher(value);
                while (address.find()) {
                    String key = address.group(1).toLowerCase(Locale.ROOT);
                    if (!recipients.contains(key)) {
                        recipients.add(key);
                    }
                }
            }
        }
        return recipients;
    }

    private static Set<String> headerAddresses(MimeMessage message) {
        Set<String> addresses = new TreeSet<>();
        for (String header : List.of("From", "To", "Cc", "Reply-To", "Sender", "Return-Path")) {
            try {
                String[] values = message.getHeader(header);
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    Matcher address = ADDRESS.matcher(value);
                    while (address.find()) {
                        addresses.add(address.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (MessagingException e) {
                // an unreadable header names nobody
            }
        }
        return addresses;
    }

}
