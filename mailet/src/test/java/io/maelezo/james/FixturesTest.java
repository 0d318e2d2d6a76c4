package io.maelezo.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

/**
 * The mailets and the matcher on the fixtures of src/test/resources/io/maelezo/fixtures. This
 * source also runs, transformed to jakarta.mail, against James 3.9.0's mailet API (mailet/james39).
 */
class FixturesTest {
    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = FixturesTest.class.getResourceAsStream("/io/maelezo/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static FakeMail bounce(byte[] message) throws Exception {
        return FakeMail.builder().name("fixture").sender(MaybeSender.nullSender()).recipient("amina@maelezo.test")
            .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message))).build();
    }

    private static FakeMail decorated(String name) throws Exception {
        FakeMail mail = bounce(fixture(name));
        IsBounce matcher = MaelezoTesting.isBounce();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsBounce").build());
        if (!matcher.match(mail).isEmpty()) {
            MaelezoTesting.decorateBounce(FakeMailetConfig.builder().mailetName("DecorateBounce").build()).service(mail);
        }
        return mail;
    }

    private static String text(MimeMessage message) throws Exception {
        MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aJames39DsnIsExplainedDespiteItsAutoSubmittedHeaderAndItsStatusRepaired() throws Exception {
        MimeMessage message = decorated("james-3.9.0-dsn.eml").getMessage();

        assertThat(message.getSubject()).isEqualTo("Barua pepe haikufika: Mkutano wa kesho");
        assertThat(text(message)).startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.1");
        assertThat(new String(bytes(message), "ISO-8859-1")).containsPattern("(?m)^Status: 5\\.7\\.1\\r?$");
    }

    @Test
    void aRemoteDsnIsExplained() throws Exception {
        MimeMessage message = decorated("remote-postfix-dsn.eml").getMessage();

        assertThat(text(message)).startsWith("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii.").contains("gone@remote.example");
        assertThat(((MimeMultipart) message.getContent()).getBodyPart(2).isMimeType("text/rfc822-headers")).isTrue();
    }

    @Test
    void anOrdinaryMessageGoesOnExactlyAsItCame() throws Exception {
        FakeMail mail = decorated("not-a-bounce.eml");

        assertThat(mail.getMessage().getHeader("X-Maelezo")).isNull();
        assertThat(bytes(mail.getMessage())).isEqualTo(fixture("not-a-bounce.eml"));
    }

    @Test
    void aBounceWithBrokenMimeIsExplainedAndKeptWholeAsText() throws Exception {
        MimeMessage message = decorated("broken-mime.eml").getMessage();

        assertThat(text(message)).startsWith("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii.");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        MimeMessage original = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(fixture("broken-mime.eml")));
        try (InputStream kept = ((javax.mail.internet.MimeBodyPart) parts.getBodyPart(1)).getRawInputStream();
             InputStream body = original.getRawInputStream()) {
            assertThat(kept.readAllBytes()).isEqualTo(body.readAllBytes());
        }
    }

    @Test
    void anUnreadableMessageIsLeftAloneByTheMatcher() throws Exception {
        FakeMail mail = bounce(fixture("broken-mime.eml"));
        mail.setMessage(new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            public String getContentType() throws MessagingException {
                throw new MessagingException("injected failure");
            }
        });
        IsBounce matcher = MaelezoTesting.isBounce();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsBounce").build());

        assertThat(matcher.match(mail)).isEmpty();
    }
}
