package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/**
 * A provider's notice that quotes, in its own text, the bounce it received (OCN's layout, shared
 * sample lhost-postfix-50): the failed recipient is the quoted report's, never the help address
 * the notice gives.
 */
class EnclosedBounceTest {
    private static final BounceReader READER = BounceReader.load();

    private static final String NOTICE = "From: MAILER-DAEMON@mail.example.jp\nTo: juma@example.co.tz\n"
        + "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
        + "Content-Transfer-Encoding: 8bit\n\n"
        + "I'm sorry to have to inform you that the message returned\nbelow could not be delivered to one or more destinations.\n\n"
        + "上記のサイトでも解決できない場合は、<support@isp.example.jp>\nへご連絡ください。\n\n"
        + "---------------------------------\n"
        + "Return-Path: <>\n"
        + "From: MAILER-DAEMON@relay.isp.example.jp (Mail Delivery System)\n"
        + "Subject: Undelivered Mail Returned to Sender\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
        + "--b\nContent-Type: text/plain\n\nThe following is the error message.\n\n"
        + "--b\nContent-Type: message/delivery-status\n\n"
        + "Reporting-MTA: dns; relay.isp.example.jp\n\n"
        + "Final-Recipient: rfc822; asha@example.net\nAction: failed\nStatus: 5.1.1\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <asha@example.net>: Recipient address rejected: User unknown\n\n"
        + "--b--\n";

    @Test
    void theQuotedBouncesRecipientIsTheFailedOneNotTheHelpAddress() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(NOTICE.getBytes(StandardCharsets.UTF_8)));

        BounceReport report = READER.read(message).orElseThrow();

        assertThat(report.failures()).extracting(Failure::recipient).containsExactly("asha@example.net");
        assertThat(report.failures().get(0).reply()).contains("550 5.1.1").contains("User unknown");
    }
}
