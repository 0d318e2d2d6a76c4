package io.maelezo.report;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;
import javax.mail.internet.ParseException;

import io.maelezo.engine.Engine;
import io.maelezo.engine.alert.RefusalWatch;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.FailureEvidence;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.text.BounceView;
import io.maelezo.engine.text.Explanation;

/**
 * Writes the explained delivery report of a failed mail itself, in one go: a {@code multipart/report}
 * (RFC 6522) whose first part is the plain explanation (text and HTML: {@link ExplanationPart}, as
 * in the bounces {@link BounceDecorator} rewrites), then the {@code message/delivery-status} (RFC 3464), then the failed mail or its
 * header. This is what James's DSNBounce and the decorator do together, without writing a report
 * only to read it back and rewrite it.
 *
 * <p>The remote server's reply and every value from the mail's envelope are cleaned (one line, no
 * control characters, bounded: {@link DiagnosticParser#clean}) before they go into a field.
 */
public final class DeliveryReportWriter {
    private static final ContentType REPORT_TYPE = reportType();
    /** RFC 5322 date-time, as DSN fields carry it. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    /** A reply that starts with an SMTP reply code is an "smtp" diagnostic; anything else is James's own words. */
    private static final Pattern SMTP_REPLY = Pattern.compile("[245]\\d\\d(?:[ -]|$)");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,500}>");

    private final Engine engine;
    private final ExplanationPart explanation;
    private final DiagnosticParser parser = new DiagnosticParser();

    public DeliveryReportWriter(Engine engine) {
        this.engine = engine;
        this.explanation = new ExplanationPart(engine);
    }

    public Engine engine() {
        return engine;
    }

    /** The explained report, ready to send to the failed mail's sender (with an empty envelope sender). */
    public Decoration write(FailedDelivery delivery) throws MessagingException, IOException {
        return write(delivery, RefusalWatch.NONE);
    }

    /**
     * @param watch sees each failed recipient: a refusal of this installation may alert the postmaster,
     *              and once it has, the reader's explanation says so
     */
    public Decoration write(FailedDelivery delivery, RefusalWatch watch) throws MessagingException, IOException {
        String reply = delivery.reply.isBlank() ? "" : DiagnosticParser.clean(delivery.reply);
        // James keeps one reply for the whole mail: the engine decides whom it was about.
        List<String> addresses = new ArrayList<>();
        for (FailedDelivery.Recipient recipient : delivery.recipients) {
            addresses.add(recipient.address());
        }
        Map<Failure, Classification> classified = new LinkedHashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        for (FailedDelivery.Recipient recipient : delivery.recipients) {
            List<String> others = new ArrayList<>(addresses);
            others.remove(recipient.address());
            Classification classification = engine.decide(FailureEvidence.of(recipient.address())
                .sendersReply(delivery.reply).otherRecipients(others).build()).classification();
            if (watch.seen(classification, recipient.address(), delivery.to)) {
                classification = classification.withAdminTold();
            }
            classified.put(new Failure(DiagnosticParser.clean(recipient.address()), reply, false), classification);
            categories.add(classification.category().id());
        }
        List<List<Explanation>> languages = explanation.explanations(classified, Instant::now);
        String reportingMta = DiagnosticParser.clean(delivery.reportingMta);
        // The technical section ends saying truly what is attached: the mail, its headers, or nothing.
        String footer = delivery.attach == FailedDelivery.Attach.MESSAGE ? "technical.explained-by"
            : delivery.attach == FailedDelivery.Attach.HEADERS ? "technical.explained-by.headers" : "technical.explained-by.none";
        BounceView view = new BounceView(languages, engine.texts(), explanation.technicalRows(classified), reportingMta, null,
            delivery.headersOnlyAbove.isPresent() ? "notice.headers-only" : null,
            delivery.headersOnlyAbove.isPresent() ? Map.of("limit", readableSize(delivery.headersOnlyAbove.get())) : Map.of(), footer);

        MimeMultipart report = new ReportMultipart(REPORT_TYPE);
        report.addBodyPart(explanation.part(view));
        report.addBodyPart(EncodedPart.of("message/delivery-status", deliveryStatus(delivery, reportingMta, reply)));
        switch (delivery.attach) {
            case MESSAGE:
                MimeBodyPart original = new MimeBodyPart();
                MessageContent.set(original, delivery.original);
                report.addBodyPart(original);
                break;
            case HEADERS:
                report.addBodyPart(EncodedPart.of("text/rfc822-headers", headerOf(delivery.original)));
                break;
            default:
                break;
        }

        MimeMessage message = new MimeMessage(MimeParts.SESSION);
        message.setFrom(new InternetAddress(delivery.from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.to, true));
        message.setSentDate(new Date());
        message.setSubject(explanation.subject(subjectOf(delivery.original), false), "UTF-8");
        String originalId = delivery.original.getHeader("Message-ID", null);
        if (originalId != null && MESSAGE_ID.matcher(originalId.trim()).matches()) {
            message.setHeader("In-Reply-To", originalId.trim());
            message.setHeader("References", originalId.trim());
        }
        message.setHeader("Auto-Submitted", "auto-replied");
        explanation.mark(message);
        MultipartContent.set(message, report);
        message.saveChanges();
        return Decoration.decorated(message, categories, "");
    }

    /** The RFC 3464 fields: the mail's, then each recipient's. */
    private String deliveryStatus(FailedDelivery delivery, String reportingMta, String reply) {
        StringBuilder status = new StringBuilder(512);
        field(status, "Reporting-MTA", "dns; " + reportingMta);
        delivery.envelopeId.ifPresent(id -> field(status, "Original-Envelope-Id", DiagnosticParser.clean(id)));
        delivery.receivedFromMta.ifPresent(host -> field(status, "Received-From-MTA", "dns; " + DiagnosticParser.clean(host)));
        delivery.arrivalDate.ifPresent(date -> field(status, "Arrival-Date", DATE.format(date)));
        String code = DeliveryStatus.repairedCode(parser.parse(reply), reply, true);
        String lastAttempt = DATE.format(delivery.lastAttempt);
        for (FailedDelivery.Recipient recipient : delivery.recipients) {
            status.append('\n');
            recipient.originalAddress().ifPresent(address -> field(status, "Original-Recipient", "rfc822; " + DiagnosticParser.clean(address)));
            field(status, "Final-Recipient", "rfc822; " + DiagnosticParser.clean(recipient.address()));
            field(status, "Action", "failed");
            field(status, "Status", code);
            if (!reply.isEmpty()) {
                field(status, "Diagnostic-Code", (SMTP_REPLY.matcher(reply).lookingAt() ? "smtp; " : "X-James; ") + reply);
            }
            field(status, "Last-Attempt-Date", lastAttempt);
        }
        return status.toString();
    }

    /**
     * One field on one line, as DSNBounce writes it (the value is one line already); a value too
     * long for a line of mail (998 characters) is folded at white space.
     */
    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ");
        if (name.length() + 2 + value.length() > 998) {
            out.append(MimeUtility.fold(name.length() + 2, value).replace("\r\n", "\n"));
        } else {
            out.append(value);
        }
        out.append('\n');
    }

    private static String headerOf(MimeMessage original) throws MessagingException {
        StringBuilder header = new StringBuilder(1024);
        Enumeration<String> lines = original.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            header.append(lines.nextElement()).append('\n');
        }
        return header.toString();
    }

    private static String subjectOf(MimeMessage original) {
        try {
            return original.getSubject();
        } catch (MessagingException e) {
            return null; // an undecodable subject: the report's subject is the prefix alone
        }
    }

    private static ContentType reportType() {
        try {
            return new ContentType("multipart/report; report-type=delivery-status");
        } catch (ParseException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A size as a person reads it: "1 MB", "500 KB" (1 MB = 1,048,576 bytes, as mail programs count). */
    static String readableSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
