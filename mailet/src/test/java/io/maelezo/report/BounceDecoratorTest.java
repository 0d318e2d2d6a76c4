package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;

class BounceDecoratorTest {
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()));

    private static MimeMessage decorate(Dsn dsn) throws Exception {
        Decoration decoration = DECORATOR.decorate(dsn.message(), Optional.empty());
        assertThat(decoration.outcome()).isEqualTo(Decoration.Outcome.DECORATED);
        return Dsn.roundTrip(decoration.message().orElseThrow());
    }

    @Test
    void theExplanationComesFirstAsTextAndHtmlAndTheReportStaysAReport() throws Exception {
        MimeMessage decorated = decorate(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST));

        assertThat(decorated.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");
        MimeMultipart report = (MimeMultipart) decorated.getContent();
        assertThat(report.getCount()).isEqualTo(3);
        assertThat(report.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        assertThat(report.getBodyPart(1).isMimeType("message/delivery-status")).isTrue();
        assertThat(report.getBodyPart(2).isMimeType("message/rfc822")).isTrue();
        MimeMultipart alternative = (MimeMultipart) report.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).contains("text/html");
        assertThat(decorated.getSubject()).isEqualTo("Barua pepe haikufika: Mkutano");
        assertThat(decorated.getHeader("Content-Language", null)).isEqualTo("sw, en");
        assertThat(decorated.getMessageID()).isEqualTo("<dsn-1@localhost>");
        assertThat(Dsn.text(decorated).replaceAll("\\s+", " ")).as("the end of the technical section says truly what is attached")
            .contains("Ripoti ya mashine (message/delivery-status) na ujumbe asili vimeambatishwa bila kubadilishwa.");
    }

    @Test
    void aBounceInItsOwnFormatSaysItIsAttachedAsItCame() throws Exception {
        String qmail = "From: MAILER-DAEMON@remote.example\r\nTo: amina@maelezo.test\r\nSubject: failure notice\r\n\r\n"
            + "Hi. This is the qmail-send program at remote.example.\r\n"
            + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\r\n"
            + "<hayupo@remote.example>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n";
        MimeMessage decorated = Dsn.roundTrip(DECORATOR.decorate(Dsn.parse(qmail.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            java.util.Optional.empty()).message().orElseThrow());

        assertThat(Dsn.text(decorated).replaceAll("\\s+", " ")).contains("Taarifa asili, kama seva ilivyoituma, imeambatishwa bila kubadilishwa.")
            .doesNotContain("message/delivery-status");
    }

    @Test
    void anAsciiExplanationIsSentAsItIsAndAnyOtherLettersAreEncodedAndReadBackWhole() throws Exception {
        MimeMessage ascii = decorate(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST));
        MimeMultipart asciiParts = (MimeMultipart) ((MimeMultipart) ascii.getContent()).getBodyPart(0).getContent();
        assertThat(asciiParts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
        assertThat(asciiParts.getBodyPart(1).getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
        assertThat(new String(Dsn.write(ascii), StandardCharsets.US_ASCII)).contains("\r\nBarua pepe yako haikufika");

        String longReply = "550 5.1.1 user unknown " + "x".repeat(1200);
        MimeMessage longLine = decorate(Dsn.james().recipient("mtu@remote.example", "failed", "5.1.1", "smtp; " + longReply));
        MimeMultipart longParts = (MimeMultipart) ((MimeMultipart) longLine.getContent()).getBodyPart(0).getContent();
        assertThat(longParts.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0]).as("a line over 998 characters")
            .isNotEqualTo("7bit");
        assertThat(Dsn.html(longLine)).contains("x".repeat(1200));

        String japanese = "550 5.1.1 宛先のメールアドレスは存在しません (user unknown)";
        MimeMessage other = decorate(Dsn.james().recipient("mtu@remote.example", "failed", "5.1.1", "smtp; " + japanese));
        MimeMultipart otherParts = (MimeMultipart) ((MimeMultipart) other.getContent()).getBodyPart(0).getContent();
        assertThat(otherParts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]).isIn("quoted-printable", "base64");
        assertThat((String) otherParts.getBodyPart(0).getContent()).contains(japanese);
        assertThat(Dsn.html(other)).contains("宛先のメールアドレスは存在しません");
        for (int i = 0; i < 2; i++) {
            byte[] raw = ((javax.mail.internet.MimeBodyPart) otherParts.getBodyPart(i)).getRawInputStream().readAllBytes();
            assertThat(new String(raw, StandardCharsets.ISO_8859_1)).as("encoded part %d", i).matches("[\\x00-\\x7F]*");
        }
    }

    @Test
    void onlyShortLinesOfPlainAsciiAreSentAs7bitWithTheirLineEndsMadeCrlf() {
        assertThat(new String(EncodedPart.sevenBitLines("Habari\nya asubuhi\n"), StandardCharsets.US_ASCII))
            .isEqualTo("Habari\r\nya asubuhi\r\n");
        assertThat(EncodedPart.sevenBitLines("x".repeat(998) + "\n" + "y".repeat(998))).isNotNull();
        assertThat(EncodedPart.sevenBitLines("x".repeat(999) + "\nshort")).as("a line over 998 characters").isNull();
        assertThat(EncodedPart.sevenBitLines("short\n" + "y".repeat(999))).as("a last line over 998 characters").isNull();
        assertThat(EncodedPart.sevenBitLines("a lone\rcarriage return")).isNull();
        assertThat(EncodedPart.sevenBitLines("a NUL\0")).isNull();
        assertThat(EncodedPart.sevenBitLines("Karibu Zürich")).isNull();
        assertThat(EncodedPart.sevenBitLines("mwisho wa maandishi \u2026")).as("a character beyond Latin-1").isNull();
    }

    @Test
    void theMachineReadablePartsAreKeptExceptTheRepairedStatus() throws Exception {
        Dsn dsn = Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST);
        MimeMessage decorated = decorate(dsn);

        String status = Dsn.content(Dsn.part(decorated, "message/delivery-status"));
        assertThat(status).isEqualTo(dsn.deliveryStatus().replace("Status: " + Dsn.BLOCKLIST, "Status: 5.7.1"));
        assertThat(Dsn.content(Dsn.part(decorated, "message/rfc822"))).isEqualTo(Dsn.ORIGINAL);
    }

    @Test
    void theOriginalHumanReadableTextMovesIntoTheTechnicalDetails() throws Exception {
        String text = Dsn.text(decorate(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST)));

        assertThat(text.indexOf("Maelezo ya kiufundi")).isGreaterThan(text.indexOf("Ufanye nini sasa?"));
        assertThat(text).contains("Hi. This is the James mail server at vm.");
        assertThat(text).contains("\"" + Dsn.BLOCKLIST + "\"");
    }

    @Test
    void decoratingADecoratedBounceChangesNothing() throws Exception {
        MimeMessage decorated = decorate(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST));

        Decoration again = DECORATOR.decorate(decorated, Optional.empty());

        assertThat(again.outcome()).isEqualTo(Decoration.Outcome.ALREADY_DECORATED);
        assertThat(again.message()).isEmpty();
    }

    @Test
    void aMessageThatIsNotAReportIsLeftAlone() throws Exception {
        MimeMessage plain = Dsn.parse(Dsn.ORIGINAL.getBytes(StandardCharsets.UTF_8));

        assertThat(DECORATOR.decorate(plain, Optional.empty()).outcome()).isEqualTo(Decoration.Outcome.NOT_A_BOUNCE);
    }

    @Test
    void aReportOfSuccessfulDeliveryIsLeftAlone() throws Exception {
        Dsn delivered = Dsn.james().recipient("rcpt@remote.example", "delivered", "2.0.0", "smtp; 250 2.0.0 OK");

        assertThat(DECORATOR.decorate(delivered.message(), Optional.empty()).outcome()).isEqualTo(Decoration.Outcome.NO_FAILURE);
    }

    @Test
    void twoRecipientsWithDifferentReasonsGetOneExplanationEach() throws Exception {
        MimeMessage decorated = decorate(Dsn.james()
            .recipient("full@remote.example", "failed", "5.2.2", "smtp; 552 5.2.2 Mailbox full")
            .recipient("gone@remote.example", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));

        String text = Dsn.text(decorated);
        assertThat(text).contains("Barua pepe yako haikufika: sanduku la barua la mpokeaji limejaa. Barua yako haikufika kwa: full@remote.example");
        assertThat(text).contains("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii. Barua yako haikufika kwa: gone@remote.example");
    }

    @Test
    void twoRecipientsWithTheSameCodesButWordsToldApartGetOneExplanationEach() throws Exception {
        MimeMessage decorated = decorate(Dsn.james()
            .recipient("own@remote.example", "failed", "5.7.1", "smtp; 550 5.7.1 Your account has been disabled")
            .recipient("rule@remote.example", "failed", "5.7.1", "smtp; 550 5.7.1 Rejected by policy"));

        String text = Dsn.text(decorated);
        assertThat(text).contains("akaunti yako ya barua pepe hairuhusiwi kutuma barua kwa sasa. Barua yako haikufika kwa: own@remote.example");
        assertThat(text).contains("seva ya mpokeaji iliikataa kwa sababu ya sera zake. Barua yako haikufika kwa: rule@remote.example");
    }

    @Test
    void theSubjectCarriesTheReadersOwnSubjectFromTheReturnedOriginal() throws Exception {
        MimeMessage decorated = decorate(Dsn.james().subject("Undelivered Mail Returned to Sender")
            .failed("rcpt@remote.example", "550 5.1.1 User unknown"));

        assertThat(decorated.getSubject()).isEqualTo("Barua pepe haikufika: Mkutano");
    }

    @Test
    void aHostileReturnedSubjectIsOneBoundedLine() throws Exception {
        String hostile = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
            ("Habari\r\nBcc: victim@example.org " + "x".repeat(500)).getBytes(StandardCharsets.UTF_8)) + "?=";
        Dsn dsn = Dsn.james().subject("Undelivered Mail Returned to Sender").failed("rcpt@remote.example", "550 5.1.1 User unknown");
        MimeMessage decorated = DECORATOR.decorate(Dsn.parse(new String(dsn.bytes(), StandardCharsets.ISO_8859_1)
            .replace("Subject: Mkutano", "Subject: " + hostile).getBytes(StandardCharsets.ISO_8859_1)), Optional.empty()).message().orElseThrow();

        String subject = Dsn.roundTrip(decorated).getSubject();
        assertThat(subject).startsWith("Barua pepe haikufika: Habari").doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(260);
        assertThat(Dsn.roundTrip(decorated).getHeader("Bcc")).isNull();
    }

    @Test
    void aDelayNoticeSaysNotYetAndNeverAsksToSendAgainInEitherLanguage() throws Exception {
        MimeMessage decorated = decorate(Dsn.james().subject("Delivery delayed: Mkutano")
            .recipient("rcpt@remote.example", "delayed", "4.4.1", "smtp; 451 4.4.1 mx.remote.example: Connection timed out"));

        assertThat(decorated.getSubject()).startsWith("Barua pepe bado haijafika");
        String text = Dsn.text(decorated);
        String html = Dsn.html(decorated);
        for (String part : new String[] {text, html}) {
            assertThat(part).contains("Barua pepe yako bado haijafika").contains("Usiitume barua yako tena")
                .contains("Your email has not arrived yet").contains("Do not send your email again")
                .contains("seva ya mpokeaji haikuweza kufikiwa")
                .doesNotContain("haikufika").doesNotContain("Tuma barua tena").doesNotContain("Jaribu kutuma")
                .doesNotContain("was not delivered").doesNotContain("Try sending again");
        }
    }

    @Test
    void aDelayWarningWrittenAsTextIsToldAsADelayThoughItOpensAsAFailureDoesOrItsSubjectSaysNothing() throws Exception {
        String exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
            + "To: sender@example.org\n"
            + "Subject: Warning: message 1qAbCd-0001Xy-2z delayed 24 hours\n"
            + "Auto-Submitted: auto-replied\n\n"
            + "This message was created automatically by mail delivery software.\n"
            + "A message that you sent has not yet been delivered to one or more of its\n"
            + "recipients after more than 24 hours on the queue on mx.example.org.\n\n"
            + "The address to which the message has not yet been delivered is:\n\n"
            + "  rcpt@remote.example\n"
            + "    Delay reason: SMTP error from remote mail server after RCPT TO:<rcpt@remote.example>:\n"
            + "    451 4.7.1 Service unavailable, try again later\n\n"
            + "No action is required on your part. Delivery attempts will continue for\n"
            + "some time, and this warning may be repeated at intervals if the message\n"
            + "remains undelivered.\n";
        String sendmail = exim.replace("Subject: Warning: message 1qAbCd-0001Xy-2z delayed 24 hours", "Subject: Delivery Status Notification")
            .replace("No action is required on your part. Delivery attempts will continue for", "THIS IS A WARNING MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE.");
        for (String mail : new String[] {exim, sendmail}) {
            Decoration decoration = DECORATOR.decorate(Dsn.parse(mail.getBytes(StandardCharsets.UTF_8)), Optional.empty());
            assertThat(decoration.outcome()).isEqualTo(Decoration.Outcome.DECORATED);
            String text = Dsn.text(Dsn.roundTrip(decoration.message().orElseThrow()));
            assertThat(text).contains("Barua pepe yako bado haijafika").contains("Usiitume barua yako tena")
                .contains("Your email has not arrived yet").doesNotContain("Tuma barua tena").doesNotContain("was not delivered");
        }
    }

    @Test
    void aDelayNoticeSaysUntilWhenTheServerTriesInTheInstallationsTimeZone() throws Exception {
        Dsn dsn = Dsn.james().subject("Delivery delayed: Mkutano")
            .recipient("rcpt@remote.example", "delayed", "4.4.1", "smtp; 451 4.4.1 mx.remote.example: Connection timed out");
        byte[] withRetryUntil = new String(dsn.bytes(), StandardCharsets.UTF_8)
            .replace("Status: 4.4.1\r\n", "Status: 4.4.1\r\nWill-Retry-Until: Sat, 5 Dec 2026 12:00:00 +0000 (UTC)\r\n")
            .getBytes(StandardCharsets.UTF_8);
        BounceDecorator eastAfrica = new BounceDecorator(Engine.create(Settings.parse(Map.of(Settings.TIME_ZONE, "Africa/Dar_es_Salaam")::get)));

        MimeMessage decorated = Dsn.roundTrip(eastAfrica.decorate(Dsn.parse(withRetryUntil), Optional.empty()).message().orElseThrow());

        for (String part : new String[] {Dsn.text(decorated), Jsoup.parse(Dsn.html(decorated)).text()}) {
            assertThat(part).contains("Majaribio yataendelea hadi / Will retry until").contains("2026-12-05 15:00 (UTC+03:00)");
        }
        // the same report in UTC, and none of it when the report gives no date
        assertThat(Dsn.text(Dsn.roundTrip(new BounceDecorator(Engine.create(Settings.parse(Map.of(Settings.TIME_ZONE, "UTC")::get)))
            .decorate(Dsn.parse(withRetryUntil), Optional.empty()).message().orElseThrow()))).contains("2026-12-05 12:00 (UTC+00:00)");
        assertThat(Dsn.text(decorate(dsn))).doesNotContain("Will retry until");
    }

    @Test
    void theTechnicalSectionGivesACodesGeneralMeaningAsSuchNotAsTheCause() throws Exception {
        // Read 8, S2-1 and S2-2: a 450 for an unknown domain was glossed "the mailbox is locked ... the sending server retries by itself"
        MimeMessage decorated = decorate(Dsn.james().failed("rcpt@remote.example", "450 4.1.2 Host or domain name not found"));

        String text = Dsn.text(decorated).replaceAll("\\s+", " ");
        // Read 9, S2-1: the general meaning first, then that it may not match what happened (not "the actual reason is: <meaning>")
        assertThat(text).contains("450 (maana ya jumla ya msimbo huu katika viwango vya SMTP (RFC 5321 na nyongeza zake): kitendo hakikufanyika")
            .contains("Maana hii ya jumla si lazima ilingane na kilichotokea; kilichotokea kinasemwa na maneno ya seva hapa chini.")
            .doesNotContain("sababu halisi ni ile").doesNotContain("hujaribu tena yenyewe").doesNotContain("retries by itself");
    }

    @Test
    void aMixedReportSaysWhichRecipientsFailedAndWhichAreStillTried() throws Exception {
        MimeMessage decorated = decorate(Dsn.james()
            .recipient("gone@remote.example", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown")
            .recipient("slow@remote.example", "delayed", "4.4.1", "smtp; 451 4.4.1 Connection timed out"));

        assertThat(decorated.getSubject()).startsWith("Barua pepe haikufika");
        String text = Dsn.text(decorated).replaceAll("\\s+", " ");
        assertThat(text).contains("Barua yako haikufika kwa: gone@remote.example")
            .contains("Barua yako bado haijafika kwa: slow@remote.example");
    }

    @Test
    void aBurstOfBouncesForOneReasonNamesEachBouncesOwnRecipientAndAddress() throws Exception {
        // The advice of a reason is rendered once and kept for the next bounce that gives it:
        // what differs from one bounce to the next (recipients, the listed address) must still show.
        String blockedFrom = "550 5.7.1 Service unavailable; Client host [%s] blocked using zen.spamhaus.org";
        for (int i = 1; i <= 3; i++) {
            MimeMessage first = decorate(Dsn.james().failed("rafiki" + i + "@remote.example", String.format(blockedFrom, "192.0.2.1")));
            MimeMessage other = decorate(Dsn.james().failed("jirani" + i + "@remote.example", String.format(blockedFrom, "198.51.100." + i)));

            assertThat(Dsn.text(first)).contains("rafiki" + i + "@remote.example").contains("(192.0.2.1)")
                .doesNotContain("jirani").doesNotContain("198.51.100.");
            assertThat(Dsn.html(first)).contains("rafiki" + i + "@remote.example").contains("(192.0.2.1)");
            assertThat(Dsn.text(other)).contains("jirani" + i + "@remote.example").contains("(198.51.100." + i + ")")
                .doesNotContain("rafiki").doesNotContain("192.0.2.1");
            assertThat(Dsn.html(other)).contains("jirani" + i + "@remote.example").contains("(198.51.100." + i + ")");
        }
    }

    @Test
    void hostileRemoteTextIsEscapedAndNeverALink() throws Exception {
        String hostile = "550 5.7.1 <script>alert(1)</script><a href=\"https://spamhaus.org.evil.example/delist\">click</a> "
            + "<img src=https://evil.example/x.png> blocked using zen.spamhaus.org";
        MimeMessage decorated = decorate(Dsn.james().failed("rcpt@remote.example", hostile));

        Document html = Jsoup.parse(Dsn.html(decorated));
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("a[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("https://check.spamhaus.org/"));
        assertThat(html.text()).contains("<script>alert(1)</script>");
        // A remote web address reads as written but is split, so that no mail client links it.
        assertThat(html.text()).contains("https://spamhaus.org.evil.example/delist");
        assertThat(Dsn.html(decorated)).doesNotContain("https://spamhaus.org.evil.example").doesNotContain("https://evil.example");
    }

    @Test
    void lineBreaksInRemoteTextCannotAddHeaders() throws Exception {
        // An encoded subject that decodes to a line break, and a reply with a line break in it.
        MimeMessage decorated = decorate(Dsn.james().subject("=?UTF-8?Q?Re:_Habari=0D=0ABcc:_victim@example.com?=")
            .failed("rcpt@remote.example", "550 5.1.1 no\r\nBcc: victim@example.com"));

        assertThat(decorated.getHeader("Bcc")).isNull();
        assertThat(decorated.getSubject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aSubjectInSwahiliWithAccentsIsEncodedForTheWire() throws Exception {
        Dsn dsn = Dsn.james().subject("=?UTF-8?Q?Re:_Caf=C3=A9?=").failed("rcpt@remote.example", Dsn.BLOCKLIST);
        MimeMessage decorated = DECORATOR.decorate(Dsn.parse(new String(dsn.bytes(), StandardCharsets.ISO_8859_1)
            .replace("Subject: Mkutano", "Subject: =?UTF-8?Q?Caf=C3=A9?=").getBytes(StandardCharsets.ISO_8859_1)), Optional.empty())
            .message().orElseThrow();

        String raw = new String(Dsn.write(decorated), StandardCharsets.US_ASCII);
        assertThat(raw).containsPattern("(?m)^Subject: =\\?UTF-8\\?");
        assertThat(decorated.getSubject()).isEqualTo("Barua pepe haikufika: Café");
    }

    @Test
    void englishFirstWhenTheAdminSaysSo() throws Exception {
        BounceDecorator english = new BounceDecorator(Engine.create(Settings.defaults().withLanguage(io.maelezo.engine.text.Language.EN).withBilingual(false)));

        MimeMessage decorated = Dsn.roundTrip(english.decorate(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).message(), Optional.empty())
            .message().orElseThrow());

        assertThat(decorated.getSubject()).isEqualTo("Email not delivered: Mkutano");
        assertThat(Dsn.text(decorated)).startsWith("Your email was not delivered").doesNotContain("Nini kilitokea?");
    }
}
