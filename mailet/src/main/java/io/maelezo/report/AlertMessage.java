package io.maelezo.report;

import java.util.Date;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * The mail an alert to the postmaster is: plain text in UTF-8, marked as maelezo's
 * ({@code X-Maelezo: alert}, so no mailet of maelezo explains it) and as automatic
 * ({@code Auto-Submitted: auto-generated}, RFC 3834: no auto-reply answers it). It is sent with a
 * null sender, so that it is never itself bounced.
 */
public final class AlertMessage {
    public static final String MARKER = "alert";

    private AlertMessage() {
    }

    public static MimeMessage of(String postmaster, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(MimeParts.SESSION);
        message.setFrom(new InternetAddress(postmaster));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(postmaster));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader(ExplanationPart.MARKER_HEADER, MARKER);
        message.setText(body, "UTF-8");
        message.saveChanges();
        return message;
    }
}
