package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.ParseException;

/**
 * A delivery status notification read from a message: RFC 6522 {@code multipart/report} with a
 * RFC 3464 {@code message/delivery-status} part, and the recipients whose delivery failed.
 */
public final class BounceReport {
    private final MimeMultipart parts;
    private final int statusIndex;
    private final DeliveryStatus status;
    private final List<RecipientStatus> failures;

    private BounceReport(MimeMultipart parts, int statusIndex, DeliveryStatus status) {
        this.parts = parts;
        this.statusIndex = statusIndex;
        this.status = status;
        this.failures = status.recipients().stream().filter(RecipientStatus::isFailure).collect(Collectors.toList());
    }

    /** The report in this message; empty when the message is not a delivery status notification. */
    public static Optional<BounceReport> read(MimeMessage message) throws MessagingException, IOException {
        if (!isDeliveryReport(message)) {
            return Optional.empty();
        }
        Object content = message.getContent();
        if (!(content instanceof MimeMultipart)) {
            return Optional.empty();
        }
        MimeMultipart parts = (MimeMultipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            Optional<ContentType> type = contentType(parts.getBodyPart(i).getContentType());
            if (type.isPresent() && (type.get().match("message/delivery-status") || type.get().match("message/global-delivery-status"))) {
                return Optional.of(new BounceReport(parts, i, DeliveryStatus.parse(readAll(parts.getBodyPart(i)))));
            }
        }
        return Optional.empty();
    }

    /** True for a {@code multipart/report; report-type=delivery-status} (or global-delivery-status). */
    public static boolean isDeliveryReport(MimeMessage message) throws MessagingException {
        Optional<ContentType> type = contentType(message.getContentType());
        return type.isPresent() && type.get().match("multipart/report")
            && Optional.ofNullable(type.get().getParameter("report-type"))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("delivery-status") || value.equals("global-delivery-status"))
                .isPresent();
    }

    public MimeMultipart parts() {
        return parts;
    }

    public int statusIndex() {
        return statusIndex;
    }

    /** The human-readable part's index: the first part, unless the report starts with its status. */
    public Optional<Integer> humanIndex() {
        return statusIndex > 0 ? Optional.of(0) : Optional.empty();
    }

    public BodyPart statusPart() throws MessagingException {
        return parts.getBodyPart(statusIndex);
    }

    public DeliveryStatus status() {
        return status;
    }

    /** The recipients whose delivery failed or is delayed, in report order. */
    public List<RecipientStatus> failures() {
        return failures;
    }

    private static byte[] readAll(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static Optional<ContentType> contentType(String value) {
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
