package io.maelezo.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableMap;

import io.maelezo.report.BounceDecorator;
import io.maelezo.report.Dsn;

/** maelezo's own bounce in place of DSNBounce: what the sender of a failed mail receives. */
class ExplainedDSNBounceTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    private final FakeMailContext context;

    ExplainedDSNBounceTest() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@maelezo.test")).build();
    }

    private ExplainedDSNBounce mailet(String... parameters) throws MessagingException {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("ExplainedDSNBounce")
            .mailetContext(context).setProperty("reportingMta", "mail.maelezo.test");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        return MaelezoTesting.explainedDsnBounce(config.build());
    }

    private static FakeMail.Builder failed(String reply, String... recipients) throws MessagingException {
        FakeMail.Builder mail = FakeMail.builder().name("failed-1").sender("amina@maelezo.test")
            .mimeMessage(new MimeMessage(SESSION, new ByteArrayInputStream(Dsn.ORIGINAL.getBytes(StandardCharsets.UTF_8))))
            .remoteHost("client.maelezo.test").lastUpdated(new Date(1_795_900_000_000L))
            .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(reply)));
        for (String recipient : recipients) {
            mail.recipient(recipient);
        }
        return mail;
    }

    /** The bounces sent (a refusal of this installation also alerts the postmaster: PostmasterAlertsTest). */
    private java.util.List<FakeMailContext.SentMail> bounces() throws MessagingException {
        java.util.List<FakeMailContext.SentMail> bounces = new java.util.ArrayList<>();
        for (FakeMailContext.SentMail sent : context.getSentMails()) {
            if (!"alert".equals(sent.getMsg().getHeader("X-Maelezo", null))) {
                bounces.add(sent);
            }
        }
        return bounces;
    }

    private FakeMailContext.SentMail onlySent() throws MessagingException {
        assertThat(bounces()).hasSize(1);
        return bounces().get(0);
    }

    private static String partText(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBlocklistedMailGetsOneExplainedReportAndGoesNoFurther() throws Exception {
        FakeMail mail = failed(Dsn.BLOCKLIST, "rcpt@remote.example").build();

        mailet().service(mail);

        FakeMailContext.SentMail sent = onlySent();
        assertThat(sent.getSender()).as("a bounce has an empty envelope sender").isNull();
        assertThat(sent.getRecipients()).containsExactly(new MailAddress("amina@maelezo.test"));
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);

        MimeMessage report = sent.getMsg();
        assertThat(report.getSubject()).isEqualTo("Barua pepe haikufika: Mkutano");
        assertThat(report.getHeader("From", null)).isEqualTo("postmaster@maelezo.test");
        assertThat(report.getHeader("To", null)).isEqualTo("amina@maelezo.test");
        assertThat(report.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(BounceDecorator.isDecorated(report)).isTrue();
        assertThat(report.getContentType()).startsWith("multipart/report").contains("report-type=delivery-status");

        MimeMultipart parts = (MimeMultipart) report.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        MimeMultipart alternative = (MimeMultipart) parts.getBodyPart(0).getContent();
        String text = ((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
        assertThat(text).startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia (blocklist).")
            .contains("Spamhaus").contains("rcpt@remote.example");
        assertThat(Jsoup.parse((String) alternative.getBodyPart(1).getContent()).select("a[href]").eachAttr("href"))
            .containsOnly("https://check.spamhaus.org/results/?query=192.0.2.1");

        assertThat(parts.getBodyPart(1).isMimeType("message/delivery-status")).isTrue();
        String status = partText(parts.getBodyPart(1)).replace("\r\n", "\n");
        assertThat(status.substring(0, status.indexOf("Last-Attempt-Date: "))).isEqualTo(
            "Reporting-MTA: dns; mail.maelezo.test\n"
                + "Received-From-MTA: dns; client.maelezo.test\n"
                + "\n"
                + "Final-Recipient: rfc822; rcpt@remote.example\n"
                + "Action: failed\n"
                + "Status: 5.7.1\n"
                + "Diagnostic-Code: smtp; 550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using"
                + " zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1\n");
        assertThat(partText(parts.getBodyPart(1))).containsPattern("Last-Attempt-Date: \\w{3}, \\d{1,2} \\w{3} 2026 \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}");

        assertThat(parts.getBodyPart(2).isMimeType("message/rfc822")).isTrue();
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        ((MimeMessage) parts.getBodyPart(2).getContent()).writeTo(original);
        assertThat(original.toString(StandardCharsets.UTF_8)).contains("Subject: Mkutano").contains("Habari, tutaonana kesho.");
    }

    @Test
    void theReportSurvivesBeingWrittenAndReadAgainAndIsNotExplainedTwice() throws Exception {
        mailet().service(failed(Dsn.BLOCKLIST, "rcpt@remote.example").build());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        onlySent().getMsg().writeTo(bytes);
        MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
        FakeMail asSpooled = FakeMail.builder().name("bounce").sender(MaybeSender.nullSender())
            .recipient("amina@maelezo.test").mimeMessage(read).build();

        IsBounce matcher = MaelezoTesting.isBounce();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsBounce").build());
        assertThat(matcher.match(asSpooled)).as("the transport processor leaves it alone").isEmpty();
        assertThat(((MimeMultipart) read.getContent()).getCount()).isEqualTo(3);
    }

    @Test
    void twoRecipientsAreBothNamedInTheExplanationAndEachHasItsStatusFields() throws Exception {
        mailet().service(failed("550 5.1.1 <x@remote.example>: Recipient address rejected: User unknown",
            "x@remote.example", "y@remote.example").build());

        MimeMultipart parts = (MimeMultipart) onlySent().getMsg().getContent();
        String status = partText(parts.getBodyPart(1));
        assertThat(status).contains("Final-Recipient: rfc822; x@remote.example").contains("Final-Recipient: rfc822; y@remote.example");
        assertThat(status.split("Status: 5\\.1\\.1", -1)).hasSize(3);
        String text = (String) ((MimeMultipart) parts.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("x@remote.example").contains("y@remote.example");
    }

    @Test
    void theOneReplyJamesKeptIsTheReasonOnlyOfTheRecipientItNames() throws Exception {
        // A real Postfix refusing two recipients for two reasons: James keeps the first reply only.
        mailet().service(failed("550 5.1.1 <nouser@remote.example>: Recipient address rejected: User unknown in virtual mailbox table",
            "nouser@remote.example", "listed@remote.example").build());

        MimeMultipart parts = (MimeMultipart) onlySent().getMsg().getContent();
        String text = ((String) ((MimeMultipart) parts.getBodyPart(0).getContent()).getBodyPart(0).getContent()).replaceAll("\\s+", " ");
        String unknownMailbox = "Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii.";
        String refusedToo = "Barua pepe yako haikufika: seva ya mpokeaji ilikataa anwani hii pia.";
        assertThat(text).contains(unknownMailbox).contains(refusedToo)
            .contains("Sababu iliyotolewa ilihusu anwani nyingine ya barua yako");
        // Each explanation names its own recipient only.
        String first = text.substring(text.indexOf(unknownMailbox), text.indexOf(refusedToo));
        assertThat(first).contains("nouser@remote.example").doesNotContain("listed@remote.example");
        assertThat(text.substring(text.indexOf(refusedToo), text.indexOf(refusedToo) + 400)).contains("listed@remote.example");
        // The machine-readable part stays James's: one reply, for both.
        String status = partText(parts.getBodyPart(1));
        assertThat(status.split("Diagnostic-Code: smtp; 550 5.1.1 <nouser@remote.example>", -1)).hasSize(3);
    }

    @Test
    void theSendersDsnParametersAreHonoured() throws Exception {
        FakeMail mail = failed(Dsn.BLOCKLIST, "rcpt@remote.example").build();
        mail.setDsnParameters(DsnParameters.of(Optional.of(DsnParameters.EnvId.of("QQ314159")),
            Optional.of(DsnParameters.Ret.HDRS),
            ImmutableMap.of(new MailAddress("rcpt@remote.example"),
                DsnParameters.RecipientDsnParameters.of(new MailAddress("old@remote.example"))))
            .orElseThrow());
        mail.setAttribute(new Attribute(ExplainedDSNBounce.ARRIVAL_DATE,
            AttributeValue.ofUnserializable(ZonedDateTime.parse("2026-11-29T10:15:30+03:00"))));

        mailet().service(mail);

        MimeMultipart parts = (MimeMultipart) onlySent().getMsg().getContent();
        String status = partText(parts.getBodyPart(1));
        assertThat(status).contains("Original-Envelope-Id: QQ314159\r\n")
            .contains("Arrival-Date: Sun, 29 Nov 2026 10:15:30 +0300\r\n")
            .contains("Original-Recipient: rfc822; old@remote.example\r\nFinal-Recipient: rfc822; rcpt@remote.example\r\n");
        assertThat(parts.getBodyPart(2).isMimeType("text/rfc822-headers")).as("RET=HDRS: the header only").isTrue();
        assertThat(partText(parts.getBodyPart(2))).contains("Subject: Mkutano").doesNotContain("Habari");
    }

    @Test
    void aMailOverMaxReturnedSizeComesBackAsItsHeadersAndTheNoticeSaysWhyAndWhereTheMailIs() throws Exception {
        mailet().service(failed(Dsn.BLOCKLIST, "rcpt@remote.example").size(3 * 1024 * 1024).build());

        MimeMultipart parts = (MimeMultipart) onlySent().getMsg().getContent();
        assertThat(parts.getBodyPart(2).isMimeType("text/rfc822-headers")).as("a light bounce: the headers only").isTrue();
        assertThat(partText(parts.getBodyPart(2))).contains("Subject: Mkutano").doesNotContain("Habari, tutaonana kesho.");
        MimeMultipart alternative = (MimeMultipart) parts.getBodyPart(0).getContent();
        String text = ((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
        assertThat(text).contains("Barua yako ilikuwa kubwa kuliko 1 MB, kwa hiyo taarifa hii inakurudishia sehemu ya juu tu").contains("folda ya barua ulizotuma (Sent)")
            .contains("Your email was larger than 1 MB, so this notice brings back only the top part").contains("Sent folder")
            .as("the footer says truly what is attached").contains("pamoja na sehemu ya juu tu ya ujumbe asili (headers)")
            .doesNotContain("ujumbe asili vimeambatishwa bila kubadilishwa");
        assertThat(Jsoup.parse((String) alternative.getBodyPart(1).getContent()).text()).contains("Barua yako ilikuwa kubwa kuliko 1 MB, kwa hiyo taarifa hii inakurudishia sehemu ya juu tu");
    }

    @Test
    void aSmallMailOrNoLimitReturnsTheWholeMailWithoutTheNote() throws Exception {
        mailet().service(failed(Dsn.BLOCKLIST, "rcpt@remote.example").size(20_000).build());
        mailet("maxReturnedSize", "0").service(failed(Dsn.BLOCKLIST, "rcpt@remote.example").size(30 * 1024 * 1024).build());

        assertThat(bounces()).hasSize(2).allSatisfy(sent -> {
            MimeMultipart parts = (MimeMultipart) sent.getMsg().getContent();
            assertThat(parts.getBodyPart(2).isMimeType("message/rfc822")).isTrue();
            assertThat(((String) ((MimeMultipart) parts.getBodyPart(0).getContent()).getBodyPart(0).getContent())).doesNotContain("kubwa kuliko");
        });
        assertThatThrownBy(() -> mailet("maxReturnedSize", "1MB")).isInstanceOf(MessagingException.class).hasMessageContaining("maxReturnedSize");
    }

    @Test
    void attachmentNoneLeavesTheOriginalOutAndSenderNamesTheFrom() throws Exception {
        mailet("attachment", "none", "sender", "bounces@maelezo.test").service(failed(Dsn.BLOCKLIST, "rcpt@remote.example").build());

        MimeMessage report = onlySent().getMsg();
        assertThat(((MimeMultipart) report.getContent()).getCount()).isEqualTo(2);
        assertThat(report.getHeader("From", null)).isEqualTo("bounces@maelezo.test");
        String text = (String) ((MimeMultipart) ((MimeMultipart) report.getContent()).getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertThat(text.replaceAll("\\s+", " ")).contains("ujumbe asili haukuambatishwa");
    }

    @Test
    void aHostileReplyCannotAddFieldsHeadersOrLinks() throws Exception {
        String hostile = "550 5.7.1 no\r\nFinal-Recipient: rfc822; evil@x.example\r\nBcc: evil@x.example\r\n\r\n"
            + "<a href=\"http://evil.example/\">click</a>";
        mailet().service(failed(hostile, "rcpt@remote.example").build());

        MimeMessage report = onlySent().getMsg();
        assertThat(report.getHeader("Bcc")).isNull();
        MimeMultipart parts = (MimeMultipart) report.getContent();
        String status = partText(parts.getBodyPart(1));
        assertThat(status).doesNotContainPattern("(?m)^Bcc:").doesNotContainPattern("(?m)^Final-Recipient: rfc822; evil");
        String html = (String) ((MimeMultipart) parts.getBodyPart(0).getContent()).getBodyPart(1).getContent();
        assertThat(Jsoup.parse(html).select("a[href]").eachAttr("href")).noneMatch(href -> href.contains("evil"));
        assertThat(Jsoup.parse(html).text()).contains("<a href=\"http://evil.example/\">click</a>");
    }

    @Test
    void aMailWithoutSenderIsNotBouncedAndGoesOn() throws Exception {
        FakeMail mail = failed(Dsn.BLOCKLIST, "rcpt@remote.example").sender(MaybeSender.nullSender()).build();

        mailet().service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void aMailItCannotBounceGoesOnUnchangedToDsnBounce() throws Exception {
        FakeMail mail = FakeMail.builder().name("no-message").sender("amina@maelezo.test").recipient("rcpt@remote.example")
            .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(Dsn.BLOCKLIST))).build();

        mailet().service(mail);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("rcpt@remote.example"));
    }

    @Test
    void aWrongParameterStopsJamesAtStartUp() {
        assertThatThrownBy(() -> mailet("attachment", "all")).isInstanceOf(MessagingException.class).hasMessageContaining("attachment");
        assertThatThrownBy(() -> mailet("sender", "not an address")).isInstanceOf(MessagingException.class).hasMessageContaining("sender");
    }
}
