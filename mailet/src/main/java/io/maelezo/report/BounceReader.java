package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.ParseException;

import com.google.common.base.Suppliers;

/**
 * Reads the bounce in a message ({@link BounceReport}): the RFC 3464 report's fields, or the
 * bounce's text as the census of server families ({@code bounce-families.tsv}) and the words of
 * {@code bounce-texts.tsv} say. It owns that knowledge, loaded once by {@link #load} (a broken
 * file fails there, while James starts, not at the first bounce); one reader serves every bounce
 * and every thread.
 */
public final class BounceReader {
    private final TextBounceReader text;

    private BounceReader(TextBounceReader text) {
        this.text = text;
    }

    /** The reader with the shipped knowledge files. */
    public static BounceReader load() {
        return new BounceReader(new TextBounceReader(BounceTexts.load(), BounceFamilies.load()));
    }

    /** A message file made ready for javax.mail: see {@link MimeParts#withLineFeeds}. */
    public static byte[] withLineFeeds(byte[] message) {
        return MimeParts.withLineFeeds(message);
    }

    /** The message's own words: its text before any copy of the original message. */
    String ownWordsOf(MimeMessage message) throws MessagingException, IOException {
        return text.ownWords(MessageText.of(message));
    }

    /** The bounce's own words, read when first asked for; an unreadable text says nothing. */
    private Supplier<String> ownWords(MimeMessage message) {
        return Suppliers.memoize(() -> {
            try {
                return text.ownWords(MessageText.of(message));
            } catch (MessagingException | IOException | RuntimeException e) {
                return "";
            }
        });
    }

    private static Multipart multipart(Object content) {
        return content instanceof Multipart ? (Multipart) content : null;
    }

    /** The bounce in this message; empty when the message does not tell of a delivery (failed or not). */
    public Optional<BounceReport> read(MimeMessage message) throws MessagingException, IOException {
        return readParts(message, false);
    }

    /** @param attached whether this message is attached to a bounce being read (then no further attached bounce is read) */
    private Optional<BounceReport> readParts(MimeMessage message, boolean attached) throws MessagingException, IOException {
        String rawSubject = Optional.ofNullable(message.getSubject()).orElse("");
        // What the subject says beyond "this is a bounce": read only if the bounce's words are needed.
        Supplier<String> subject = Suppliers.memoize(() -> text.subjectWords(rawSubject));
        Optional<ContentType> type = contentType(message.getContentType());
        if (type.isPresent() && MimeParts.matches(type.get(), "multipart/report") && isReportType(type.get(), "feedback-report")) {
            return Optional.empty();
        }
        // A message's content may be parsed anew at every call (James's messages are): read it once.
        Object content = safeContent(message);
        MimeMultipart top = type.isPresent() && isDeliveryReport(type.get()) && content instanceof MimeMultipart ? (MimeMultipart) content : null;
        int index = top == null ? -1 : topLevelStatusIndex(top);
        Optional<Part> statusPart = index >= 0 ? Optional.of(top.getBodyPart(index))
            : content instanceof Multipart ? findDeliveryStatus((Multipart) content, 0) : Optional.empty();
        if (statusPart.isPresent()) {
            DeliveryStatus status = DeliveryStatus.parse(readAll(statusPart.get()));
            List<RecipientStatus> recipients = status.recipients();
            List<Failure> failures = new ArrayList<>();
            List<Failure> told = null;
            Supplier<String> words = ownWords(message); // read at most once, whoever needs it first
            for (RecipientStatus recipient : recipients) {
                if (recipient.isFailure()) {
                    Optional<String> reply = recipient.diagnostic();
                    if (reply.isEmpty()) {
                        // No Diagnostic-Code (OpenSMTPD, some gateways): the text's words about this recipient, if it names it.
                        if (told == null) {
                            told = toldInText(message, words.get());
                        }
                        reply = wordsAbout(told, recipient.recipient());
                    }
                    // Whom the reader wrote to: the Original-Recipient when the mail was passed on to another address
                    // (the Final-Recipient failed); sendmail's Final-Recipient when it names an X-Actual-Recipient (that one failed).
                    Optional<String> forwardedFrom = recipient.forwardedFrom();
                    failures.add(new Failure(forwardedFrom.orElse(recipient.recipient()), reply.or(recipient::status).orElse(""),
                        recipient.status().orElse(null), recipient.isDelayed(), recipient.willRetryUntil().orElse(null),
                        forwardedFrom.isPresent() ? recipient.recipient() : recipient.passedOnTo().orElse(null)));
                }
            }
            if (failures.stream().anyMatch(failure -> namesNoAddress(failure.recipient()))) {
                if (told == null) {
                    told = toldInText(message, words.get());
                }
                failures = namedByText(failures, told);
            }
            if (!recipients.isEmpty()) {
                // The report's own fields say it all: its text is read only if a reply says nothing.
                return Optional.of(new BounceReport(index < 0 ? null : top, index, status, writtenAddresses(failures), subject, words, multipart(content)));
            }
            String ownWords = text.ownWords(MessageText.of(message));
            if (text.looksLikeBounce(message, ownWords)) {
                failures = text.failures(message, ownWords);
            }
            return Optional.of(new BounceReport(index < 0 ? null : top, index, status, writtenAddresses(failures), subject, () -> ownWords, multipart(content)));
        }
        String ownWords = text.ownWords(MessageText.of(message));
        if (text.looksLikeBounce(message, ownWords)) {
            List<Failure> failures = text.failures(message, ownWords);
            if (!attached && failures.size() == 1 && failures.get(0).recipient().isEmpty()) {
                // A gateway's notice around the bounce it received, attached (Trend Micro) or quoted
                // whole in its text (OCN): that bounce names them.
                Optional<List<Failure>> inner = EnclosedBounce.failures(message, content, ownWords, enclosed -> readParts(enclosed, true));
                if (inner.isPresent()) {
                    failures = inner.get();
                }
            }
            return Optional.of(new BounceReport(null, -1, null, writtenAddresses(failures), subject, () -> ownWords, multipart(content)));
        }
        return Optional.empty();
    }

    /** The recipients the bounce's text names, with their words; empty when the text reads as no bounce. */
    private List<Failure> toldInText(MimeMessage message, String ownWords) throws MessagingException, IOException {
        return text.looksLikeBounce(message, ownWords) ? text.failures(message, ownWords, false) : List.of();
    }

    /**
     * A report's recipient that is no address (Exim's "|/usr/bin/program" or "/var/mail/box" for a
     * pipe or a file, sendmail's "@host.example", an empty field) named by the address the text gives
     * in its place: the text must name as many failures, and an address at the same place. The person
     * reads "your email did not reach": a program's path is not whom they wrote to.
     */
    private static List<Failure> namedByText(List<Failure> failures, List<Failure> told) {
        if (told.size() != failures.size()) {
            return failures;
        }
        List<Failure> named = new ArrayList<>(failures.size());
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            String inText = told.get(i).recipient();
            named.add(!namesNoAddress(failure.recipient()) || !TextBounceReader.isAddress(inText) ? failure
                : new Failure(inText, failure.reply(), failure.status().orElse(null), failure.delayed(), failure.willRetryUntil().orElse(null)));
        }
        return named;
    }

    /** The address just before "(expanded from ...)" and the one in it; each looked for in a short window, so a long reply costs no more. */
    private static final Pattern FAILED_BEFORE = Pattern.compile("<?([^\\s<>()]{1,254}@[^\\s<>()]{1,254}?)>?\\s*$");
    private static final Pattern WRITTEN_IN = Pattern.compile("^\\s*<?([^\\s<>()]{1,254}@[^\\s<>()]{1,254}?)>?\\)");
    private static final List<String> REACHED_FROM = List.of("(ultimately generated from", "(generated from", "(expanded from:", "(expanded from");
    private static final int WINDOW = 300;

    /**
     * Each failure named by the address the reader wrote when its words say the failed one was
     * reached from it: Exim's "b@y (ultimately generated from a@x)" (Orange's "(generated from a@x)"), Postfix's "<b@y> (expanded
     * from <a@x>)", sendmail's "(expanded from: <a@x>)" right after it. The failed address is kept
     * as {@link Failure#forwardedTo()}, as a report's Original-Recipient gives it.
     */
    private static List<Failure> writtenAddresses(List<Failure> failures) {
        List<Failure> named = null;
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            if (failure.forwardedTo().isPresent() || failure.recipient().isEmpty()) {
                continue;
            }
            Optional<String> written = writtenAddress(failure.reply(), failure.recipient());
            if (written.isPresent()) {
                if (named == null) {
                    named = new ArrayList<>(failures);
                }
                named.set(i, new Failure(written.get(), failure.reply(), failure.status().orElse(null), failure.delayed(),
                    failure.willRetryUntil().orElse(null), failure.recipient()));
            }
        }
        return named == null ? failures : named;
    }

    private static Optional<String> writtenAddress(String reply, String failed) {
        String lower = reply.toLowerCase(Locale.ROOT);
        for (String words : REACHED_FROM) {
            for (int at = lower.indexOf(words); at >= 0; at = lower.indexOf(words, at + 1)) {
                Matcher before = FAILED_BEFORE.matcher(reply.substring(Math.max(0, at - WINDOW), at));
                Matcher in = WRITTEN_IN.matcher(reply.substring(at + words.length(), Math.min(reply.length(), at + words.length() + WINDOW)));
                if (before.find() && before.group(1).equalsIgnoreCase(failed) && in.find() && !in.group(1).equalsIgnoreCase(failed)) {
                    return Optional.of(in.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** A recipient a report gives that is no address at all: empty, a program ("|..."), a file ("/...") or "@host". */
    private static boolean namesNoAddress(String recipient) {
        String trimmed = recipient.trim();
        return trimmed.isEmpty() || trimmed.startsWith("|") || trimmed.startsWith("/") || trimmed.indexOf('@') <= 0;
    }

    private static Optional<String> wordsAbout(List<Failure> told, String recipient) {
        for (Failure failure : told) {
            if (!recipient.isEmpty() && failure.recipient().equalsIgnoreCase(recipient) && !failure.reply().isBlank()) {
                return Optional.of(failure.reply());
            }
        }
        return Optional.empty();
    }

    /**
     * A quick look, for a matcher: a delivery status notification, or a message whose text reads
     * like a bounce. {@link #read} decides what it reports.
     */
    public boolean looksLikeBounce(MimeMessage message) throws MessagingException, IOException {
        if (isDeliveryReport(message)) {
            return true;
        }
        Optional<ContentType> type = contentType(message.getContentType());
        if (type.isPresent() && MimeParts.matches(type.get(), "multipart/report") && isReportType(type.get(), "feedback-report")) {
            return false;
        }
        return text.looksLikeBounce(message, text.ownWords(MessageText.of(message)));
    }

    /** True for a {@code multipart/report; report-type=delivery-status} (or global-delivery-status). */
    public static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
        Optional<ContentType> type = contentType(message.getContentType());
        return type.isPresent() && isDeliveryReport(type.get());
    }

    private static boolean isDeliveryReport(ContentType type) {
        return MimeParts.matches(type, "multipart/report") && (isReportType(type, "delivery-status") || isReportType(type, "global-delivery-status"));
    }

    private static boolean isReportType(ContentType type, String reportType) {
        return Optional.ofNullable(type.getParameter("report-type"))
            .map(value -> value.trim().toLowerCase(Locale.ROOT)).filter(reportType::equals).isPresent();
    }

    private static Object safeContent(Part part) {
        try {
            Optional<Multipart> content = MimeParts.multipart(part);
            if (content.isPresent()) {
                content.get().getCount(); // parses it: a broken one is no multipart
                return content.get();
            }
            return null;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static int topLevelStatusIndex(MimeMultipart report) throws MessagingException {
        for (int i = 0; i < report.getCount(); i++) {
            if (MimeParts.Type.of(report.getBodyPart(i)).is("message/delivery-status", "message/global-delivery-status")) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Part> findDeliveryStatus(Multipart multipart, int depth) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            Optional<Part> found = findDeliveryStatus(multipart.getBodyPart(i), depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The delivery-status part anywhere in the message, but not inside an attached message. */
    private static Optional<Part> findDeliveryStatus(Part part, int depth) throws MessagingException, IOException {
        if (depth > 8) {
            return Optional.empty();
        }
        MimeParts.Type type = MimeParts.Type.of(part);
        if (type.is("message/rfc822")) {
            return Optional.empty();
        }
        if (type.is("message/delivery-status", "message/global-delivery-status")) {
            return Optional.of(part);
        }
        if (type.is("multipart/*")) {
            Object content;
            try {
                content = MimeParts.multipart(part).orElse(null);
            } catch (MessagingException | IOException | RuntimeException e) {
                return Optional.empty(); // broken MIME: the text reader reads it raw
            }
            if (content instanceof Multipart) {
                Multipart multipart = (Multipart) content;
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<Part> found = findDeliveryStatus(multipart.getBodyPart(i), depth + 1);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] readAll(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(1 << 20);
        }
    }

    private static Optional<ContentType> contentType(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ContentType(value));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
