package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;

/** Bounces another server sends to a local user: a RFC 3464 report, over SMTP with a null reverse path. */
final class RemoteBounces {
    private RemoteBounces() {
    }

    /** A RFC 3464 report from mx.remote.example to a local user: its text, its delivery status and the returned original. */
    static String report(String user, String subject, String id, String text, String status, String original) {
        return "From: MAILER-DAEMON@mx.remote.example (Mail Delivery System)\r\n"
            + "To: " + user + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + id + "@mx.remote.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b-" + id + "\"\r\n"
            + "\r\n--b-" + id + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + text
            + "\r\n--b-" + id + "\r\nContent-Type: message/delivery-status\r\n\r\n" + status
            + "\r\n--b-" + id + "\r\nContent-Type: message/rfc822\r\n\r\n" + original
            + "\r\n--b-" + id + "--\r\n";
    }

    /** mx.remote.example's report that it could not deliver the mail to this recipient (550 5.1.1), returning the mail as it got it. */
    static String report(String user, String id, String recipient, String original) {
        return report(user, "Undelivered Mail Returned to Sender", id,
            "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.\r\n",
            "Reporting-MTA: dns; mx.remote.example\r\n\r\nFinal-Recipient: rfc822; " + recipient + "\r\nAction: failed\r\n"
                + "Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: User unknown\r\n", original);
    }

    /** What another server does when it bounces a mail: SMTP with a null reverse path (MAIL FROM:<>). */
    static void send(GuiceJamesServer server, String user, String message) throws Exception {
        org.apache.commons.net.smtp.SMTPClient smtp = new org.apache.commons.net.smtp.SMTPClient();
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue());
        try {
            smtp.helo("mx.remote.example");
            assertThat(smtp.setSender("")).isTrue();
            assertThat(smtp.addRecipient(user)).isTrue();
            assertThat(smtp.sendShortMessageData(message)).isTrue();
        } finally {
            smtp.disconnect();
        }
    }
}
