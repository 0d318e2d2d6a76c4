package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;
import javax.mail.util.ByteArrayDataSource;
import javax.mail.util.SharedByteArrayInputStream;

import io.maelezo.engine.Engine;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.FailureEvidence;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.text.BounceRenderer.BounceView;
import io.maelezo.engine.text.TechnicalRow;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.ExplanationWriter;
import io.maelezo.engine.text.Language;

/**
 * Rewrites a delivery status notification (RFC 3464 inside a RFC 6522 {@code multipart/report})
 * so that it opens with a plain explanation: a {@code multipart/alternative} (text and HTML)
 * replaces the human-readable first part, whose text moves into the technical details. The
 * {@code message/delivery-status} part is kept byte for byte except a malformed {@code Status:}
 * (repaired when asked); the attached original is the same part object, written unchanged.
 *
 * <p>The decorated message is a new message: the one given is never modified, so a failure at
 * any step leaves the caller with the message exactly as it came.
 */
public final class BounceDecorator {
    /** A session only to build messages in (never to send): made once, as javax.mail reads its resources each time. */
    private static final Session SESSION = Session.getInstance(new Properties());

    /** Marks a bounce maelezo explained already: decorating it again changes nothing. */
    public static final String MARKER_HEADER = "X-Maelezo";
    private static final int MAX_ORIGINAL_TEXT = 20_000;
    /** The reader's own subject is untrusted: one line (cleaned), at most this long, RFC 2047-encoded by setSubject. */
    private static final int MAX_SUBJECT = 200;
    /** DSNBounce writes "Re: subject"; the person reads "Barua pepe haikufika: subject". */
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:re\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    private final Engine engine;
    private final DiagnosticParser parser = new DiagnosticParser();
    /** The Content-Language of every explanation: the engine's languages, main one first. */
    private final String languageTags;

    public BounceDecorator(Engine engine) {
        this.engine = engine;
        this.languageTags = engine.languages().stream().map(Language::tag).collect(Collectors.joining(", "));
    }

    public Engine engine() {
        return engine;
    }

    public static boolean isDecorated(MimeMessage message) throws MessagingException {
        return message.getHeader(MARKER_HEADER) != null;
    }

    /**
     * @param knownReply what the sending server knows of the failure (James's {@code delivery-error}),
     *                   used instead of the report's own Diagnostic-Code when present
     */
    public Decoration decorate(MimeMessage message, Optional<String> knownReply) throws MessagingException, IOException {
        if (isDecorated(message)) {
            return Decoration.unchanged(Decoration.Outcome.ALREADY_DECORATED, "already explained by maelezo");
        }
        Optional<BounceReport> read = BounceReport.read(message);
        if (read.isEmpty()) {
            return Decoration.unchanged(Decoration.Outcome.NOT_A_BOUNCE, "not a bounce");
        }
        BounceReport bounce = read.get();
        List<Failure> failures = bounce.failures();
        if (failures.isEmpty()) {
            return Decoration.unchanged(Decoration.Outcome.NO_FAILURE, "the report tells of no failed delivery");
        }

        Map<Failure, Classification> classified = new LinkedHashMap<>();
        for (Failure failure : failures) {
            classified.put(failure, classify(failure, knownReply, bounce));
        }
        List<List<Explanation>> languages = explanations(classified);
        String reportingServer = bounce.status().flatMap(DeliveryStatus::reportingMta).orElse(null);
        MimeMultipart decorated;
        if (bounce.isStandardReport()) {
            decorated = decoratedReport(message, bounce, languages, classified, reportingServer);
        } else {
            // A bounce in its own format: the explanation first, then the whole bounce as it came.
            BounceView view = new BounceView(languages, engine.texts(), technicalRows(classified), reportingServer, null);
            decorated = new MimeMultipart("mixed", explanationPart(view), originalBody(message));
        }
        MimeMessage result = newMessageLike(message, decorated, allDelayed(failures), bounce.returnedSubject());
        Set<String> categories = new LinkedHashSet<>();
        for (Classification classification : classified.values()) {
            categories.add(classification.category().id());
        }
        String summary = String.join(",", categories);
        return Decoration.decorated(result, summary);
    }

    /**
     * What one failure means: the engine decides ({@link io.maelezo.engine.classify.FailureClassifier})
     * from what this bounce says of the recipient and what James knows of the mail.
     *
     * @param knownReply what the sending server kept for the whole mail (James's {@code delivery-error}), if known
     */
    public Classification classify(Failure failure, Optional<String> knownReply, BounceReport bounce) {
        return verdict(failure, knownReply, bounce).classification();
    }

    /** The engine's verdict on one failure of this bounce (see {@link #classify}). */
    public Verdict verdict(Failure failure, Optional<String> knownReply, BounceReport bounce) {
        List<String> others = new ArrayList<>();
        for (Failure other : bounce.failures()) {
            if (other != failure && !other.recipient().isEmpty()) {
                others.add(other.recipient());
            }
        }
        FailureEvidence.Builder evidence = FailureEvidence.of(failure.recipient())
            .reply(failure.reply())
            .reportedStatus(failure.status().orElse(null))
            .action(failure.delayed() ? Action.DELAYED : Action.FAILED)
            .sendersReply(knownReply.orElse(null))
            .otherRecipients(others);
        if (bounce.failures().size() == 1) {
            evidence.bounceWords(() -> bounce.ownWords() + "\n" + bounce.subject());
        }
        return engine.decide(evidence.build());
    }

    /**
     * The explanations of these failures, for each of the engine's languages (main one first):
     * one for each reason, naming the recipients that failed for it. Loops, not streams, on this
     * path: it runs for every bounce James delivers.
     */
    List<List<Explanation>> explanations(Map<Failure, Classification> classified) {
        Map<ReasonKey, Classification> reasons = new LinkedHashMap<>();
        Map<ReasonKey, List<String>> recipientsByReason = new LinkedHashMap<>();
        classified.forEach((failure, classification) -> {
            ReasonKey reason = new ReasonKey(classification, failure.delayed());
            reasons.putIfAbsent(reason, classification);
            List<String> recipients = recipientsByReason.computeIfAbsent(reason, key -> new ArrayList<>());
            if (!failure.recipient().isEmpty()) {
                recipients.add(failure.recipient());
            }
        });
        List<List<Explanation>> languages = new ArrayList<>();
        for (Language language : engine.languages()) {
            List<Explanation> explanations = new ArrayList<>();
            reasons.forEach((reason, classification) -> explanations.add(engine.explain(language, classification,
                recipientsByReason.get(reason), reason.delayed ? Action.DELAYED : Action.FAILED)));
            languages.add(explanations);
        }
        return languages;
    }

    private MimeMultipart decoratedReport(MimeMessage message, BounceReport bounce, List<List<Explanation>> languages,
                                          Map<Failure, Classification> classified, String reportingServer)
        throws MessagingException, IOException {
        MimeMultipart report = bounce.parts();
        int statusIndex = bounce.statusIndex();
        BodyPart statusPart = bounce.statusPart();
        int humanIndex = bounce.humanIndex().orElse(-1);
        BounceView view = new BounceView(languages, engine.texts(), technicalRows(classified), reportingServer,
            humanIndex < 0 ? null : originalText(report.getBodyPart(humanIndex)).orElse(null));
        MimeBodyPart explanation = explanationPart(view);
        Optional<byte[]> repaired = engine.settings().repairStatus()
            ? bounce.status().flatMap(status -> status.repairedStatus(parser)) : Optional.empty();
        BodyPart newStatusPart = repaired.isPresent() ? withContent(statusPart, repaired.get()) : KeptPart.of(statusPart);
        MimeMultipart decorated = new ReportMultipart(new ContentType(message.getContentType()));
        decorated.addBodyPart(explanation);
        for (int i = 0; i < report.getCount(); i++) {
            if (i == humanIndex) {
                continue;
            }
            decorated.addBodyPart(i == statusIndex ? newStatusPart : KeptPart.of(report.getBodyPart(i)));
        }
        return decorated;
    }

    /**
     * The bounce's Content-Type if a mail client can read the body by it; a bounce whose MIME is
     * broken (a missing boundary, a garbled header) is kept byte for byte as plain text instead.
     */
    private static String keepableContentType(MimeMessage message) {
        try {
            String type = Optional.ofNullable(message.getHeader("Content-Type", null)).orElse("text/plain; charset=us-ascii");
            ContentType parsed = new ContentType(type);
            if (MimeParts.matches(parsed, "multipart/*")) {
                ((MimeMultipart) message.getContent()).getCount();
            }
            return type;
        } catch (MessagingException | IOException | RuntimeException e) {
            return "text/plain; charset=utf-8";
        }
    }

    /** The bounce's whole body, byte for byte, as an inline part with its own content headers. */
    private static KeptPart originalBody(MimeMessage message) throws MessagingException, IOException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", keepableContentType(message));
        String encoding = message.getHeader("Content-Transfer-Encoding", null);
        if (encoding != null) {
            headers.setHeader("Content-Transfer-Encoding", encoding);
        }
        headers.setHeader("Content-Disposition", "inline");
        return KeptPart.of(headers, message.getRawInputStream());
    }

    List<TechnicalRow> technicalRows(Map<Failure, Classification> classified) {
        Language main = engine.settings().language();
        List<TechnicalRow> rows = new ArrayList<>();
        classified.forEach((failure, classification) -> rows.add(new TechnicalRow(
            failure.recipient().isEmpty() ? "?" : DiagnosticParser.clean(failure.recipient()),
            classification.replyCode().map(code -> engine.texts().require(main, "technical.code-meaning",
                Map.of("code", code, "meaning", engine.codeMeaning(main, code)))).orElse(null),
            classification.enhancedStatus().orElse(null),
            ExplanationWriter.reasonGroup(classification)
                + classification.blocklist().map(operator -> " (" + operator.name() + ")").orElse("")
                + (failure.delayed() ? ", delayed" : ""),
            classification.diagnostic().text(),
            failure.willRetryUntil().map(until -> RETRY_UNTIL.format(until.atZone(engine.settings().timeZone()))).orElse(null))));
        return rows;
    }

    /** A date in the technical section: numbers only (read the same in both languages), with its time zone. */
    private static final DateTimeFormatter RETRY_UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'", Locale.ROOT);

    MimeBodyPart explanationPart(BounceView view) throws MessagingException, IOException {
        MimeBodyPart text = encodedText("plain", engine.renderer().text(view));
        MimeBodyPart html = encodedText("html", engine.renderer().html(view));
        MimeBodyPart explanation = new MimeBodyPart();
        MultipartContent.set(explanation, new MimeMultipart("alternative", text, html));
        explanation.setHeader("Content-Language", languageTags);
        return explanation;
    }

    /**
     * A text part encoded once, here: James copies a message whenever a mailet sets it, and each
     * copy of a part built with setText would run the text through the activation framework and
     * the encoder again. The encoding is the one javax.mail itself would choose: 7bit for what
     * is plain ASCII in short lines (most explanations: readable as they are in the raw message,
     * and nothing to encode), quoted-printable when there is a little more, base64 when mostly not.
     */
    private static MimeBodyPart encodedText(String subtype, String content) throws MessagingException, IOException {
        return encodedPart("text/" + subtype + "; charset=UTF-8", content);
    }

    /** A part of this type holding this text, encoded as {@link #encodedText} says. */
    static MimeBodyPart encodedPart(String type, String content) throws MessagingException, IOException {
        byte[] body = sevenBitLines(content);
        String encoding = "7bit";
        if (body == null) {
            byte[] canonical = content.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            encoding = MimeUtility.getEncoding(new ByteArrayDataSource(canonical, type));
            ByteArrayOutputStream encoded = new ByteArrayOutputStream(canonical.length + canonical.length / 8);
            try (OutputStream encoder = MimeUtility.encode(encoded, encoding)) {
                encoder.write(canonical);
            }
            body = encoded.toByteArray();
        }
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", type);
        headers.setHeader("Content-Transfer-Encoding", encoding);
        return KeptPart.of(headers, new SharedByteArrayInputStream(body));
    }

    /**
     * The text as 7bit data (RFC 2045, 2.7) with CRLF line ends; null when it is not 7bit: a
     * character outside ASCII, a NUL, a CR of its own, a line over 998 characters. This runs over
     * every explanation James delivers, so the JDK does the scanning and copying, many bytes at a
     * time: String's {@code indexOf} finds the line ends, {@code getBytes} copies ASCII text as it
     * is, and each line is copied whole. (A loop over each character, or {@code replace("\n",
     * "\r\n")}, was a tenth of what decorating costs.)
     */
    static byte[] sevenBitLines(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            return null;
        }
        byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
        if (ascii.length != text.length()) {
            return null; // a character outside ASCII takes more than one byte in UTF-8
        }
        int lines = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
            lines++;
        }
        byte[] crlf = new byte[ascii.length + lines];
        int from = 0;
        int to = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
            if (end - from > 998) {
                return null;
            }
            System.arraycopy(ascii, from, crlf, to, end - from);
            to += end - from;
            crlf[to++] = '\r';
            crlf[to++] = '\n';
            from = end + 1;
        }
        if (ascii.length - from > 998) {
            return null;
        }
        System.arraycopy(ascii, from, crlf, to, ascii.length - from);
        return crlf;
    }

    /**
     * @param returnedSubject the subject of the reader's own mail, from the returned original; the
     *                        bounce's own subject ("Undelivered Mail Returned to Sender") when empty
     */
    private MimeMessage newMessageLike(MimeMessage original, MimeMultipart content, boolean delayed, Optional<String> returnedSubject)
        throws MessagingException {
        MimeMessage result = new KeptIdMimeMessage(SESSION);
        Enumeration<String> lines = original.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            result.addHeaderLine(lines.nextElement());
        }
        // A multipart has no transfer encoding of its own (a text bounce may have said quoted-printable).
        String encoding = result.getHeader("Content-Transfer-Encoding", null);
        if (encoding != null && !encoding.trim().toLowerCase(Locale.ROOT).matches("7bit|8bit|binary")) {
            result.removeHeader("Content-Transfer-Encoding");
        }
        MultipartContent.set(result, content);
        result.setSubject(subject(returnedSubject.filter(s -> !s.isBlank()).orElse(original.getSubject()), delayed), "UTF-8");
        mark(result);
        result.saveChanges();
        return result;
    }

    /** The subject a person reads: "Barua pepe haikufika: " and the subject of the mail that failed. */
    String subject(String originalSubject, boolean delayed) {
        Language main = engine.languages().get(0);
        String prefix = engine.texts().require(main, delayed ? "subject.prefix.temporary" : "subject.prefix", Map.of());
        return Optional.ofNullable(originalSubject).map(DiagnosticParser::clean)
            .map(s -> REPLY_PREFIX.matcher(s).replaceFirst("")).filter(s -> !s.isEmpty())
            .map(BounceDecorator::bounded)
            .map(s -> prefix + ": " + s).orElse(prefix);
    }

    private static String bounded(String subject) {
        if (subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        int end = Character.isHighSurrogate(subject.charAt(MAX_SUBJECT - 1)) ? MAX_SUBJECT - 1 : MAX_SUBJECT;
        return subject.substring(0, end) + "…";
    }

    /** The headers every explained bounce carries: its languages, and maelezo's marker. */
    void mark(MimeMessage message) throws MessagingException {
        message.setHeader("Content-Language", languageTags);
        message.setHeader(MARKER_HEADER, "explained");
    }

    private static boolean allDelayed(List<Failure> failures) {
        for (Failure failure : failures) {
            if (!failure.delayed()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> originalText(BodyPart part) throws MessagingException, IOException {
        String text = TextBounceReader.humanText(part).replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text.length() > MAX_ORIGINAL_TEXT ? text.substring(0, MAX_ORIGINAL_TEXT) + "\n[…]" : text);
    }

    /** The same part, same headers, with new content in the part's own transfer encoding. */
    private static BodyPart withContent(BodyPart original, byte[] decoded) {
        try {
            InternetHeaders headers = new InternetHeaders();
            Enumeration<?> lines = ((MimeBodyPart) original).getAllHeaderLines();
            while (lines.hasMoreElements()) {
                headers.addHeaderLine((String) lines.nextElement());
            }
            String encoding = Optional.ofNullable(((MimeBodyPart) original).getEncoding()).orElse("7bit");
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (OutputStream out = MimeUtility.encode(encoded, encoding)) {
                out.write(decoded);
            }
            return KeptPart.of(headers, new ByteArrayInputStream(encoded.toByteArray()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot rewrite the delivery-status part", e);
        }
    }

    /** Recipients that failed for the same reason share one explanation. */
    private static final class ReasonKey {
        private final String category;
        private final String replyCode;
        private final String enhancedStatus;
        private final String blocklist;
        private final boolean temporary;
        private final boolean aboutAnotherRecipient;
        /** A delayed recipient is told "not yet", a failed one "not delivered": never one text for both. */
        final boolean delayed;

        ReasonKey(Classification classification, boolean delayed) {
            this.delayed = delayed;
            this.category = classification.category().id();
            this.replyCode = classification.replyCode().orElse("");
            this.enhancedStatus = classification.enhancedStatus().orElse("");
            this.blocklist = classification.blocklist().map(operator -> operator.id()).orElse("");
            this.temporary = classification.temporary();
            this.aboutAnotherRecipient = classification.aboutAnotherRecipient();
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ReasonKey)) {
                return false;
            }
            ReasonKey that = (ReasonKey) other;
            return category.equals(that.category) && replyCode.equals(that.replyCode)
                && enhancedStatus.equals(that.enhancedStatus) && blocklist.equals(that.blocklist) && temporary == that.temporary
                && aboutAnotherRecipient == that.aboutAnotherRecipient && delayed == that.delayed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(category, replyCode, enhancedStatus, blocklist, temporary, aboutAnotherRecipient, delayed);
        }
    }
}
