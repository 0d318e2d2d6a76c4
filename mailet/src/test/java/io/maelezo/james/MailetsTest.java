package io.maelezo.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

import io.maelezo.report.Dsn;

class MailetsTest {
    private static FakeMail bounce(MimeMessage message) throws MessagingException {
        return FakeMail.builder().name("bounce-1").sender(MaybeSender.nullSender()).recipient("amina@maelezo.test")
            .mimeMessage(message).build();
    }

    private static DecorateBounce decorator(String... parameters) throws MessagingException {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("DecorateBounce");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        return MaelezoTesting.decorateBounce(config.build());
    }

    @Test
    void explainDeliveryFailureStoresTheClassificationAsStringAndBooleanAttributes() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").sender("amina@maelezo.test").recipient("rcpt@remote.example")
            .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(Dsn.BLOCKLIST)))
            .attribute(new Attribute(AttributeName.of("delivery_retry_count"), AttributeValue.of(2))).build();
        ExplainDeliveryFailure mailet = MaelezoTesting.explainDeliveryFailure(
            FakeMailetConfig.builder().mailetName("ExplainDeliveryFailure").build());

        mailet.service(mail);

        assertThat(MaelezoAttributes.string(mail, MaelezoAttributes.CATEGORY)).contains("blocklisted");
        assertThat(MaelezoAttributes.string(mail, MaelezoAttributes.REPLY_CODE)).contains("550");
        assertThat(MaelezoAttributes.string(mail, MaelezoAttributes.ENHANCED_STATUS)).contains("5.7.1");
        assertThat(MaelezoAttributes.string(mail, MaelezoAttributes.BLOCKLIST)).contains("spamhaus");
        assertThat(MaelezoAttributes.value(mail, MaelezoAttributes.TEMPORARY)).contains(false);
        assertThat(MaelezoAttributes.string(mail, MaelezoAttributes.RETRIES)).contains("2");
        assertThat(mail.attributeNames()).filteredOn(name -> name.asString().startsWith("maelezo."))
            .allSatisfy(name -> assertThat(mail.getAttribute(name).orElseThrow().getValue().getValue())
                .isInstanceOfAny(String.class, Boolean.class));
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void explainDeliveryFailureLeavesAMailWithoutErrorAlone() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").sender("amina@maelezo.test").recipient("rcpt@remote.example").build();
        ExplainDeliveryFailure mailet = MaelezoTesting.explainDeliveryFailure(
            FakeMailetConfig.builder().mailetName("ExplainDeliveryFailure").build());

        mailet.service(mail);

        assertThat(mail.attributeNames()).isEmpty();
    }

    @Test
    void decorateBounceReplacesTheMessageWithTheExplainedOne() throws Exception {
        FakeMail mail = bounce(Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).message());

        decorator().service(mail);

        assertThat(mail.getMessage().getSubject()).isEqualTo("Barua pepe haikufika: Mkutano");
        assertThat(mail.getMessage().getHeader("X-Maelezo")).isNotNull();
        assertThat(mail.getRecipients()).containsExactly(new MailAddress("amina@maelezo.test"));
    }

    @Test
    void aFailureInsideTheDecoratorLeavesTheBounceExactlyAsItCame() throws Exception {
        byte[] original = Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).bytes();
        MimeMessage broken = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original)) {
            @Override
            public String[] getHeader(String name) throws MessagingException {
                if (name.equals("X-Maelezo")) {
                    throw new IllegalStateException("injected failure");
                }
                return super.getHeader(name);
            }
        };
        FakeMail mail = bounce(broken);

        assertThatCode(() -> decorator().service(mail)).doesNotThrowAnyException();

        assertThat(mail.getMessage()).isSameAs(broken);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        mail.getMessage().writeTo(written);
        assertThat(written.toByteArray()).isEqualTo(original);
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void aWrongParameterStopsStartUpNamingTheParameter() {
        assertThatThrownBy(() -> decorator("language", "fr"))
            .isInstanceOf(MessagingException.class).hasMessageContaining("'language'").hasMessageContaining("sw, en");
        assertThatThrownBy(() -> decorator("textsDirectory", "/nonexistent/maelezo-texts"))
            .isInstanceOf(MessagingException.class).hasMessageContaining("/nonexistent/maelezo-texts");
    }

    @Test
    void isBounceMatchesOnlyUnexplainedReportsWithANullSender() throws Exception {
        IsBounce matcher = MaelezoTesting.isBounce();
        matcher.init(FakeMatcherConfig.builder().matcherName("IsBounce").build());
        MimeMessage report = Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).message();

        assertThat(matcher.match(bounce(report))).containsExactly(new MailAddress("amina@maelezo.test"));
        assertThat(matcher.match(FakeMail.builder().name("m").sender("someone@remote.example").recipient("amina@maelezo.test")
            .mimeMessage(report).build())).isEmpty();
        FakeMail plain = bounce(Dsn.parse(Dsn.ORIGINAL.getBytes(StandardCharsets.UTF_8)));
        assertThat(matcher.match(plain)).isEmpty();

        FakeMail decorated = bounce(report);
        decorator().service(decorated);
        assertThat(matcher.match(decorated)).isEmpty();
    }
}
