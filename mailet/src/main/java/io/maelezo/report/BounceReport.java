package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeUtility;
import javax.mail.internet.MimeMultipart;

/**
 * A bounce read from a message, in one of two forms:
 * <ul>
 *   <li>a delivery status notification: RFC 6522 {@code multipart/report} with an RFC 3464
 *       {@code message/delivery-status} part (James's own, Postfix's, Gmail's, ...);</li>
 *   <li>a bounce in text: qmail, Exim, Exchange, Domino, ... (read by {@link TextBounceReader}).</li>
 * </ul>
 * Feedback reports (ARF), auto-replies and reports of successful delivery are not failures.
 * {@link BounceReader} reads it; once read, it does not change.
 */
public final class BounceReport {
    private final MimeMultipart parts;
    private final int statusIndex;
    private final DeliveryStatus status;
    private final List<Failure> failures;
    private final Supplier<String> subjectWords;
    /** The bounce's own words: read by {@link BounceReader} when first asked for (a report's fields mostly say it all). */
    private final Supplier<String> ownWords;
    /** The bounce's body as read, when it is a multipart (a report, or a text bounce with attachments). */
    private final Multipart body;

    BounceReport(MimeMultipart parts, int statusIndex, DeliveryStatus status, List<Failure> failures, Supplier<String> subjectWords,
                 Supplier<String> ownWords, Multipart body) {
        this.body = body;
        this.parts = parts;
        this.statusIndex = statusIndex;
        this.status = status;
        this.failures = List.copyOf(failures);
        this.subjectWords = subjectWords;
        this.ownWords = ownWords;
    }

    /** A RFC 3464 report whose parts maelezo rewrites in place (else the whole bounce is kept as it is). */
    public boolean isStandardReport() {
        return parts != null;
    }

    public MimeMultipart parts() {
        return parts;
    }

    public int statusIndex() {
        return statusIndex;
    }

    /** The human-readable part's index in a standard report: the first part, unless the report starts with its status. */
    public Optional<Integer> humanIndex() {
        return statusIndex > 0 ? Optional.of(0) : Optional.empty();
    }

    public BodyPart statusPart() throws MessagingException {
        return parts.getBodyPart(statusIndex);
    }

    public Optional<DeliveryStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The recipients whose delivery failed or is delayed, in the bounce's order. */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * The Subject of the reader's own mail, from the original a standard report returns
     * ({@code message/rfc822} or {@code text/rfc822-headers}), decoded; untrusted. Empty when
     * there is none, or it cannot be read.
     */
    public Optional<String> returnedSubject() {
        if (parts == null) {
            return Optional.empty();
        }
        try {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (i != statusIndex && (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers"))) {
                    try (InputStream in = part.getInputStream()) {
                        String subject = new InternetHeaders(in).getHeader("Subject", null);
                        return subject == null ? Optional.empty() : Optional.of(MimeUtility.decodeText(MimeUtility.unfold(subject)));
                    }
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty(); // the bounce's own subject will do
        }
        return Optional.empty();
    }

    /** The headers of the original the bounce returns as an attached part, read from the parts already parsed. */
    public ReturnedHeaders returnedHeaders() {
        return body == null ? ReturnedHeaders.NONE : ReturnedHeaders.of(body);
    }

    /** What the bounce's Subject says beyond announcing a bounce ("mailbox full" of "Undeliverable: mailbox full"). */
    public String subjectWords() {
        return subjectWords.get();
    }

    /** The bounce's own words (its text, before any copy of the original message); read when first asked for. */
    public String ownWords() {
        return ownWords.get();
    }
}
