package io.maelezo.report;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.google.common.base.Suppliers;

import io.maelezo.engine.Engine;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.FailureEvidence;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.engine.help.ForgedBounceCheck;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.text.BounceView;
import io.maelezo.engine.text.Explanation;

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

    /** Marks a bounce maelezo explained already: decorating it again changes nothing. */
    public static final String MARKER_HEADER = ExplanationPart.MARKER_HEADER;
    private static final int MAX_ORIGINAL_TEXT = 20_000;

    private final Engine engine;
    private final BounceReader reader;
    private final DiagnosticParser parser = new DiagnosticParser();
    private final ExplanationPart explanation;
    private final Optional<ForgedBounceCheck> forged;

    /** A decorator with its own reader of the shipped knowledge (the command line, tests). */
    public BounceDecorator(Engine engine) {
        this(engine, BounceReader.load());
    }

    /** @param reader reads the bounces (inside James: the one the mailets and the matcher share) */
    public BounceDecorator(Engine engine, BounceReader reader) {
        this(engine, reader, Optional.empty());
    }

    /**
     * @param forged tells a bounce of mail that never passed through this installation (backscatter):
     *               such a bounce then opens with "you probably did not send this"; none: no such claim
     */
    public BounceDecorator(Engine engine, BounceReader reader, Optional<ForgedBounceCheck> forged) {
        this.engine = engine;
        this.reader = reader;
        this.explanation = new ExplanationPart(engine);
        this.forged = forged;
    }

    /**
     * Whether this bounce is probably of mail the reader never sent: its returned original's headers
     * show it never passed through this installation ({@link ForgedBounceCheck}); false without the check.
     */
    public boolean suspectedForged(BounceReport bounce) {
        return forged.map(check -> {
            ReturnedHeaders original = bounce.returnedHeaders();
            return original.found() && check.suspected(original.received(), original.messageId());
        }).orElse(false);
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
        return decorate(message, knownReply, true);
    }

    /**
     * @param toLocalUsers the bounce goes to this installation's own users: only then may it say "you
     *                     probably did not send this" (a bounce James relays to someone else's user proves
     *                     nothing about this installation's hosts)
     */
    public Decoration decorate(MimeMessage message, Optional<String> knownReply, boolean toLocalUsers) throws MessagingException, IOException {
        if (isDecorated(message)) {
            return Decoration.unchanged(Decoration.Outcome.ALREADY_DECORATED, "already explained by maelezo");
        }
        Optional<BounceReport> read = reader.read(message);
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
        List<List<Explanation>> languages = explanation.explanations(classified,
            Suppliers.memoize(() -> Optional.ofNullable(sentDate(message)).orElseGet(Instant::now)));
        String reportingServer = bounce.status().flatMap(DeliveryStatus::reportingMta).orElse(null);
        boolean suspectedForged = toLocalUsers && suspectedForged(bounce);
        MimeMultipart decorated;
        if (bounce.isStandardReport()) {
            decorated = decoratedReport(message, bounce, languages, classified, reportingServer, suspectedForged);
        } else {
            // A bounce in its own format: the explanation first, then the whole bounce as it came.
            BounceView view = new BounceView(languages, engine.texts(), explanation.technicalRows(classified), reportingServer, null,
                null, Map.of(), "technical.explained-by.as-it-came").forged(suspectedForged);
            decorated = new MimeMultipart("mixed", explanation.part(view), originalBody(message));
        }
        MimeMessage result = newMessageLike(message, decorated, allDelayed(failures), bounce.returnedSubject());
        Set<String> categories = new LinkedHashSet<>();
        for (Classification classification : classified.values()) {
            categories.add(classification.category().id());
        }
        return Decoration.decorated(result, categories, suspectedForged ? "; probably forged: the original never passed here" : "");
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
            .otherRecipients(others)
            .forwarded(failure.forwardedTo().isPresent());
        if (bounce.failures().size() == 1) {
            evidence.bounceWords(() -> bounce.ownWords() + "\n" + bounce.subjectWords());
        }
        return engine.decide(evidence.build());
    }

    private MimeMultipart decoratedReport(MimeMessage message, BounceReport bounce, List<List<Explanation>> languages,
                                          Map<Failure, Classification> classified, String reportingServer, boolean suspectedForged)
        throws MessagingException, IOException {
        MimeMultipart report = bounce.parts();
        int statusIndex = bounce.statusIndex();
        BodyPart statusPart = bounce.statusPart();
        int humanIndex = bounce.humanIndex().orElse(-1);
        BounceView view = new BounceView(languages, engine.texts(), explanation.technicalRows(classified), reportingServer,
            humanIndex < 0 ? null : originalText(report.getBodyPart(humanIndex)).orElse(null), null, Map.of(), attachedFooter(report, statusIndex))
            .forged(suspectedForged);
        MimeBodyPart explained = explanation.part(view);
        Optional<byte[]> repaired = engine.settings().repairStatus()
            ? bounce.status().flatMap(status -> status.repairedStatus(parser)) : Optional.empty();
        BodyPart newStatusPart = repaired.isPresent() ? EncodedPart.withContent(statusPart, repaired.get()) : KeptPart.of(statusPart);
        MimeMultipart decorated = new ReportMultipart(new ContentType(message.getContentType()));
        decorated.addBodyPart(explained);
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

    /**
     * @param returnedSubject the subject of the reader's own mail, from the returned original; the
     *                        bounce's own subject ("Undelivered Mail Returned to Sender") when empty
     */
    private MimeMessage newMessageLike(MimeMessage original, MimeMultipart content, boolean delayed, Optional<String> returnedSubject)
        throws MessagingException {
        MimeMessage result = new KeptIdMimeMessage(MimeParts.SESSION);
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
        result.setSubject(explanation.subject(returnedSubject.filter(s -> !s.isBlank()).orElse(original.getSubject()), delayed), "UTF-8");
        explanation.mark(result);
        result.saveChanges();
        return result;
    }

    /** When the bounce was written, by its Date header; null when it has none or an unreadable one. */
    private static Instant sentDate(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSentDate()).map(java.util.Date::toInstant).orElse(null);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static boolean allDelayed(List<Failure> failures) {
        for (Failure failure : failures) {
            if (!failure.delayed()) {
                return false;
            }
        }
        return true;
    }

    /** The entry that ends the technical section, saying truly what of the original the report carries. */
    private static String attachedFooter(MimeMultipart report, int statusIndex) throws MessagingException {
        boolean headers = false;
        for (int i = statusIndex + 1; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/rfc822") || part.isMimeType("message/global")) {
                return "technical.explained-by";
            }
            headers |= part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-headers");
        }
        return headers ? "technical.explained-by.headers" : "technical.explained-by.none";
    }

    private static Optional<String> originalText(BodyPart part) throws MessagingException, IOException {
        String text = MessageText.of(part).replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(text.length() > MAX_ORIGINAL_TEXT ? text.substring(0, MAX_ORIGINAL_TEXT) + "\n[…]" : text);
    }

}
