package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.help.ForgedBounceCheck;
import io.maelezo.engine.help.OwnHosts;

/** A bounce of mail the reader never sent opens with "you probably did not send this"; every part is kept. */
class ForgedBounceTest {
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()), BounceReader.load(),
        Optional.of(new ForgedBounceCheck(OwnHosts.parse("mail.maelezo.test"), Set.of("maelezo.test")::contains)));

    private static String bounce(String returnedType, String original) {
        return "From: MAILER-DAEMON@mx.remote.example\r\nTo: amina@maelezo.test\r\nSubject: Undelivered Mail Returned to Sender\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n"
            + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.remote.example\r\n\r\n"
            + "Final-Recipient: rfc822; stranger@remote.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <stranger@remote.example>: User unknown\r\n"
            + "\r\n--b\r\nContent-Type: " + returnedType + "\r\n\r\n" + original + "\r\n--b--\r\n";
    }

    private static final String FORGED = "Received: from mx.spam-sender.example (mx.spam-sender.example [198.51.100.3]) by mx.remote.example; "
        + "Thu, 3 Dec 2026 10:00:01 +0000\r\nReceived: from [203.0.113.9] by mx.spam-sender.example (Postfix); Thu, 3 Dec 2026 10:00:00 +0000\r\n"
        + "From: amina@maelezo.test\r\nTo: stranger@remote.example\r\nSubject: Cheap pills\r\nMessage-ID: <x1@spam-sender.example>\r\n\r\nBuy now\r\n";
    private static final String SENT_HERE = "Received: from mail.maelezo.test (mail.maelezo.test [192.0.2.25]) by mx.remote.example; "
        + "Thu, 3 Dec 2026 10:00:01 +0000\r\nReceived: from simu by mail.maelezo.test (JAMES SMTP Server ) with ESMTPA ID 1; Thu, 3 Dec 2026\r\n"
        + "From: amina@maelezo.test\r\nTo: stranger@remote.example\r\nSubject: Habari\r\n\r\nHabari\r\n";

    private static MimeMessage decorated(String bounce) throws Exception {
        return Dsn.roundTrip(DECORATOR.decorate(Dsn.parse(bounce.getBytes(StandardCharsets.US_ASCII)), Optional.empty()).message().orElseThrow());
    }

    @Test
    void aBounceOfMailThatNeverPassedHereOpensWithTheWarningInBothLanguagesAndKeepsEveryPart() throws Exception {
        MimeMessage explained = decorated(bounce("message/rfc822", FORGED));

        assertThat(Dsn.text(explained)).startsWith("Huenda taarifa hii inahusu barua pepe ambayo hukuituma")
            .contains("Usifungue viambatisho").contains("You probably did not send this email")
            .contains("seva ya mpokeaji haiitambui anwani hii");
        assertThat(Dsn.html(explained)).contains("Huenda taarifa hii inahusu barua pepe ambayo hukuituma");
        MimeMultipart parts = (MimeMultipart) explained.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(Dsn.content(Dsn.part(explained, "message/rfc822"))).isEqualTo(FORGED);
        assertThat(DECORATOR.suspectedForged(BounceReader.load().read(Dsn.parse(bounce("message/rfc822", FORGED).getBytes(StandardCharsets.US_ASCII))).orElseThrow())).isTrue();
    }

    @Test
    void onlyTheHeadersReturnedAreEnough() throws Exception {
        String headers = FORGED.substring(0, FORGED.indexOf("\r\n\r\n") + 2);
        assertThat(Dsn.text(decorated(bounce("text/rfc822-headers", headers)))).startsWith("Huenda taarifa hii inahusu barua pepe");
    }

    @Test
    void aBounceOfMailSentHereOrWithoutTheOriginalsHeadersMakesNoClaim() throws Exception {
        assertThat(Dsn.text(decorated(bounce("message/rfc822", SENT_HERE)))).startsWith("Barua pepe yako haikufika")
            .doesNotContain("hukuituma");
        String noReceived = "From: amina@maelezo.test\r\nTo: stranger@remote.example\r\nSubject: Habari\r\n\r\nHabari\r\n";
        assertThat(Dsn.text(decorated(bounce("message/rfc822", noReceived)))).doesNotContain("hukuituma");
        assertThat(Dsn.text(decorated(bounce("text/plain", "no original here")))).doesNotContain("hukuituma");
    }

    @Test
    void aBounceJamesRelaysToSomeoneElsesUserMakesNoClaim() throws Exception {
        MimeMessage relayed = Dsn.roundTrip(DECORATOR.decorate(Dsn.parse(bounce("message/rfc822", FORGED).getBytes(StandardCharsets.US_ASCII)),
            Optional.empty(), false).message().orElseThrow());
        assertThat(Dsn.text(relayed)).startsWith("Barua pepe yako haikufika").doesNotContain("hukuituma");
    }

    @Test
    void withoutTheCheckNothingIsClaimed() throws Exception {
        BounceDecorator plain = new BounceDecorator(Engine.create(Settings.defaults()));
        MimeMessage explained = Dsn.roundTrip(plain.decorate(Dsn.parse(bounce("message/rfc822", FORGED).getBytes(StandardCharsets.US_ASCII)),
            Optional.empty()).message().orElseThrow());
        assertThat(Dsn.text(explained)).doesNotContain("hukuituma");
    }
}
