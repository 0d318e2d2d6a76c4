package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/**
 * Delivery status notifications for tests, byte for byte in the shape Apache James 3.8.1's
 * DSNBounce writes them (its malformed {@code Status:} included), or as another server would.
 */
public final class Dsn {
    public static final String BLOCKLIST = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
        + "https://www.spamhaus.org/query/ip/192.0.2.1";
    public static final String ORIGINAL = "From: amina@maelezo.test\r\nTo: rcpt@remote.example\r\nSubject: Mkutano\r\n"
        + "Message-ID: <original@maelezo.test>\r\n\r\nHabari, tutaonana kesho.\r\n";

    private final List<String[]> recipients = new ArrayList<>();
    private String subject = "Re: Mkutano";
    private String extraHeaders = "";

    public static Dsn james() {
        return new Dsn();
    }

    /** A recipient group as DSNBounce writes it: the whole error as Status and Diagnostic-Code. */
    public Dsn failed(String recipient, String error) {
        recipients.add(new String[] {recipient, "failed", error, "smtp; " + error});
        return this;
    }

    /** A recipient group as a well-behaved server writes it. */
    public Dsn recipient(String recipient, String action, String status, String diagnostic) {
        recipients.add(new String[] {recipient, action, status, diagnostic});
        return this;
    }

    public Dsn subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Dsn header(String line) {
        this.extraHeaders += line + "\r\n";
        return this;
    }

    public String deliveryStatus() {
        StringBuilder status = new StringBuilder("Reporting-MTA: dns; 127.0.0.1\r\nReceived-From-MTA: dns; localhost\r\n");
        for (String[] recipient : recipients) {
            status.append("\r\nFinal-Recipient: rfc822; ").append(recipient[0]).append("\r\n")
                .append("Action: ").append(recipient[1]).append("\r\n")
                .append("Status: ").append(recipient[2]).append("\r\n");
            if (recipient[3] != null) {
                status.append("Diagnostic-Code: ").append(recipient[3]).append("\r\n");
            }
            status.append("Last-Attempt-Date: Sun, 29 Nov 2026 00:32:54 +0000 (UTC)\r\n");
        }
        return status.toString();
    }

    public byte[] bytes() {
        String error = recipients.isEmpty() ? "" : recipients.get(0)[2];
        String message = "Return-Path: <>\r\n"
            + "Subject: " + subject + "\r\n"
            + "From: postmaster@maelezo.test\r\n"
            + "To: amina@maelezo.test\r\n"
            + "Message-ID: <dsn-1@localhost>\r\n"
            + "Date: Sun, 29 Nov 2026 00:32:54 +0000 (UTC)\r\n"
            + extraHeaders
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; \r\n\tboundary=\"----=_Part_0_1\"; \r\n\treport-type=delivery-status\r\n"
            + "\r\n"
            + "------=_Part_0_1\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n"
            + "Hi. This is the James mail server at vm.\r\n"
            + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
            + "\r\nError message:\r\n" + error + "\r\n\r\n"
            + "------=_Part_0_1\r\n"
            + "Content-Type: message/delivery-status\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "Content-Description: Delivery Status Notification\r\n"
            + "Content-Disposition: attachment; filename=status.dat\r\n"
            + "\r\n"
            + deliveryStatus()
            + "\r\n"
            + "------=_Part_0_1\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "Content-Disposition: Attachment; filename=Mkutano\r\n"
            + "\r\n"
            + ORIGINAL
            + "\r\n"
            + "------=_Part_0_1--\r\n";
        return message.getBytes(StandardCharsets.UTF_8);
    }

    public MimeMessage message() throws Exception {
        return parse(bytes());
    }

    public static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    public static byte[] write(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The decorated message as a mail client would read it back from the wire. */
    public static MimeMessage roundTrip(MimeMessage message) throws Exception {
        return parse(write(message));
    }

    public static BodyPart part(MimeMessage message, String type) throws Exception {
        MimeMultipart report = (MimeMultipart) message.getContent();
        for (int i = 0; i < report.getCount(); i++) {
            if (report.getBodyPart(i).isMimeType(type)) {
                return report.getBodyPart(i);
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    public static String content(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static String text(MimeMessage decorated) throws Exception {
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) decorated.getContent()).getBodyPart(0).getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
    }

    public static String html(MimeMessage decorated) throws Exception {
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) decorated.getContent()).getBodyPart(0).getContent();
        return (String) alternative.getBodyPart(1).getContent();
    }
}
