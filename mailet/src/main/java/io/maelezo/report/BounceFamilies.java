package io.maelezo.report;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import io.maelezo.engine.knowledge.TsvTable;

/**
 * The census of the servers whose text bounces people receive ({@code bounce-families.tsv}): how
 * each is recognised and, where its own layout says more than the general rules of
 * {@link TextBounceReader}, which line names each failed recipient. The first family, in file
 * order, whose mark is in the bounce and whose recipient lines are found reads it.
 */
final class BounceFamilies {
    /** One failed recipient as its family's layout names it, with the words of its paragraph. */
    static final class Named {
        final String recipient;
        final String reply;

        Named(String recipient, String reply) {
            this.recipient = recipient;
            this.reply = reply;
        }
    }

    private static final class Family {
        final String name;
        final Pattern mark;
        final Pattern recipientLine;

        Family(String name, Pattern mark, Pattern recipientLine) {
            this.name = name;
            this.mark = mark;
            this.recipientLine = recipientLine;
        }
    }

    private static final int MARK_WINDOW = 4096;
    private final List<Family> families;

    private BounceFamilies(List<Family> families) {
        this.families = families;
    }

    static BounceFamilies load() {
        List<Family> families = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("bounce-families.tsv").rows()) {
            String recipient = row.get("recipient_line");
            if (recipient.equals("-")) {
                continue; // read by the general rules: the row is the census's record of it
            }
            String mark = row.get("recognised_by");
            if (!mark.equals(mark.toLowerCase(Locale.ROOT))) {
                // marks are matched against the bounce in lower case (one case-sensitive search is
                // several times cheaper than a case-insensitive one)
                throw new IllegalStateException("bounce-families.tsv line " + row.get(TsvTable.LINE) + ": recognised_by must be lower case");
            }
            families.add(new Family(row.get("family"), Pattern.compile(mark, Pattern.MULTILINE), Pattern.compile(recipient, Pattern.MULTILINE)));
        }
        return new BounceFamilies(families);
    }

    /** The family names that have a layout of their own, in the order they are tried. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        families.forEach(family -> names.add(family.name));
        return names;
    }

    /** What a family's mark is looked for in: the bounce's header lines and the start of its own words, in lower case. */
    static String signature(MimeMessage message, String ownWords) throws MessagingException {
        StringBuilder signature = new StringBuilder();
        Enumeration<String> lines = message.getAllHeaderLines();
        while (lines.hasMoreElements() && signature.length() < MARK_WINDOW) {
            signature.append(lines.nextElement()).append('\n');
        }
        return signature.append(ownWords, 0, Math.min(ownWords.length(), MARK_WINDOW)).toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The recipients that the first family recognised in this bounce names, each with the words from
     * its line to the next blank line or the next recipient's line; empty when no family reads it.
     *
     * @param signature what {@link #signature} makes of the bounce
     */
    Optional<List<Named>> read(String signature, String ownWords, int maxReply) {
        for (Family family : families) {
            if (!family.mark.matcher(signature).find()) {
                continue;
            }
            Matcher line = family.recipientLine.matcher(ownWords);
            List<Integer> starts = new ArrayList<>();
            Map<String, Integer> recipients = new LinkedHashMap<>();
            while (line.find()) {
                int lineStart = ownWords.lastIndexOf('\n', line.start()) + 1; // the words start with the line
                starts.add(lineStart);
                recipients.putIfAbsent(line.group("rcpt").toLowerCase(Locale.ROOT), lineStart);
            }
            if (recipients.isEmpty()) {
                continue;
            }
            List<Named> named = new ArrayList<>();
            for (Map.Entry<String, Integer> recipient : recipients.entrySet()) {
                int start = recipient.getValue();
                int next = ownWords.length();
                for (int s : starts) {
                    if (s > start) {
                        next = s;
                        break;
                    }
                }
                int blank = ownWords.indexOf("\n\n", start);
                int end = Math.min(Math.min(next, blank < 0 ? ownWords.length() : blank), start + maxReply);
                named.add(new Named(recipient.getKey(), ownWords.substring(start, end)));
            }
            return Optional.of(named);
        }
        return Optional.empty();
    }
}
