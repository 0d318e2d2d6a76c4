package io.maelezo.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.healthcheck.Result;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.report.Dsn;
import reactor.core.publisher.Mono;

/**
 * When remote servers refuse this installation itself, the postmaster hears of it once, the
 * senders' later bounces say the administrator has been told, the counters count, and the health
 * check is degraded.
 */
class PostmasterAlertsTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String LISTED = "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";

    private final FakeMailContext context;
    private final PostmasterAlerts alerts = new PostmasterAlerts(Clock.systemUTC());
    private final MaelezoMetrics metrics = MaelezoMetrics.none();
    private final ExplainedDSNBounce mailet;

    PostmasterAlertsTest() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@maelezo.test")).build();
        mailet = new ExplainedDSNBounce(new RecentClassifications(Classifier.standard()), alerts, metrics);
        mailet.init(FakeMailetConfig.builder().mailetName("ExplainedDSNBounce").mailetContext(context)
            .setProperty("alertInterval", "6h").build());
    }

    private void fail(String sender, String recipient, String reply) throws Exception {
        mailet.service(FakeMail.builder().name("failed-" + sender).sender(sender).recipient(recipient)
            .mimeMessage(new MimeMessage(SESSION, new ByteArrayInputStream(Dsn.ORIGINAL.getBytes(StandardCharsets.UTF_8))))
            .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(reply))).build());
    }

    private List<FakeMailContext.SentMail> sent(boolean alertsOnly) throws MessagingException {
        List<FakeMailContext.SentMail> sent = new ArrayList<>();
        for (FakeMailContext.SentMail mail : context.getSentMails()) {
            if ("alert".equals(mail.getMsg().getHeader("X-Maelezo", null)) == alertsOnly) {
                sent.add(mail);
            }
        }
        return sent;
    }

    private static String explanation(FakeMailContext.SentMail bounce) throws Exception {
        MimeMultipart report = (MimeMultipart) bounce.getMsg().getContent();
        MimeMultipart alternative = (MimeMultipart) report.getBodyPart(0).getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
    }

    @Test
    void aBurstOfRefusalsAlertsThePostmasterOnceAndLaterBouncesSayTheAdministratorKnows() throws Exception {
        for (int i = 0; i < 5; i++) {
            fail("user" + i + "@maelezo.test", "rafiki" + i + "@remote.example", LISTED);
        }

        List<FakeMailContext.SentMail> alert = sent(true);
        assertThat(alert).hasSize(1);
        MimeMessage message = alert.get(0).getMsg();
        assertThat(alert.get(0).getRecipients()).containsExactly(new MailAddress("postmaster@maelezo.test"));
        assertThat(alert.get(0).getSender()).as("a null sender: never bounced").isNull();
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(message.getSubject()).isEqualTo("[maelezo] This server's mail is refused: 192.0.2.1 (Spamhaus)");
        assertThat((String) message.getContent()).startsWith("Remote servers are refusing mail from this James server")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.1").contains("Seva za mbali zinakataa barua");

        List<FakeMailContext.SentMail> bounces = sent(false);
        assertThat(bounces).hasSize(5);
        assertThat(explanation(bounces.get(0))).as("the bounce that alerted still asks to forward it")
            .contains("Tuma taarifa hii yote kwa mtoa huduma wako").doesNotContain("amearifiwa");
        assertThat(explanation(bounces.get(4)))
            .contains("Msimamizi wa mtoa huduma wako wa barua pepe tayari amearifiwa kuhusu tatizo hili")
            .contains("Wasiliana na mpokeaji kwa njia nyingine (simu")
            .doesNotContain("Tuma taarifa hii yote kwa mtoa huduma wako")
            .contains("Your mail provider's administrator has already been told");

        assertThat(metrics.count("maelezo_outcome_explained")).isEqualTo(5);
        assertThat(metrics.count("maelezo_explained_blocklisted")).isEqualTo(5);
        assertThat(metrics.count("maelezo_postmaster_alerts_sent")).isEqualTo(1);
        Result health = Mono.from(new MaelezoHealthCheck(alerts).check()).block();
        assertThat(health.isDegraded()).isTrue();
        assertThat(health.getCause()).get().asString().contains("192.0.2.1");
    }

    @Test
    void anOrdinaryFailureAlertsNobodyAndTheCheckStaysHealthy() throws Exception {
        fail("amina@maelezo.test", "hayupo@remote.example", "550 5.1.1 <hayupo@remote.example>: User unknown");

        assertThat(sent(true)).isEmpty();
        assertThat(sent(false)).hasSize(1);
        assertThat(metrics.count("maelezo_explained_mailbox_unknown")).isEqualTo(1);
        assertThat(Mono.from(new MaelezoHealthCheck(alerts).check()).block().isHealthy()).isTrue();
    }

    @Test
    void aWrongIntervalStopsJamesWithAMessageNamingIt() {
        ExplainedDSNBounce wrong = new ExplainedDSNBounce(new RecentClassifications(Classifier.standard()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.init(FakeMailetConfig.builder().mailetName("ExplainedDSNBounce")
            .mailetContext(context).setProperty("alertInterval", "soon").build()))
            .isInstanceOf(MessagingException.class).hasMessageContaining("alertInterval");
    }
}
