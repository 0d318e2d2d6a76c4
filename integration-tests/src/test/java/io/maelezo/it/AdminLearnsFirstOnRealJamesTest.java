package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin learns first, on a real James 3.8.1 with web admin (config/'s webadmin.properties and
 * healthcheck.properties, alertInterval 4s): a burst of refusals of this server gives the postmaster
 * exactly one alert, then the summary; /metrics counts; /healthcheck is degraded, then healthy again.
 */
class AdminLearnsFirstOnRealJamesTest {
    private static final String LISTED = "554 5.7.1 Service unavailable; Client host [192.0.2.77] blocked using zen.spamhaus.org";
    private static final String POSTMASTER = "postmaster@" + JamesEnvironment.DOMAIN;
    private static final Duration INTERVAL = Duration.ofSeconds(4);
    static final RejectingSmtpServer REMOTE = RejectingSmtpServer.start();
    static final int WEBADMIN = JamesEnvironment.freePort();

    static {
        for (int i = 0; i < 6; i++) {
            REMOTE.reject("orodha" + i + "@remote.example", LISTED);
        }
    }

    @RegisterExtension
    static JamesServerExtension james = InProcessJames.extension(WEBADMIN, TestOverlay.gatewayTo(REMOTE.port())
        .withParameter("io.maelezo.james.ExplainedDSNBounce", "alertInterval", "4s"));

    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + WEBADMIN + path)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static void send(GuiceJamesServer server, String sender, String recipient) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders(sender, recipient, "From: " + sender + "\r\nTo: " + recipient + "\r\nSubject: Ombi\r\n\r\nHabari.\r\n");
        }
    }

    private static long count(GuiceJamesServer server, String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                .getMessageCount(TestIMAPClient.INBOX);
        }
    }

    private static MimeMessage message(GuiceJamesServer server, String user, int number) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                .select(TestIMAPClient.INBOX);
            return ImapFetch.message(imap.sendCommand("FETCH " + number + " (BODY[])"));
        }
    }

    /** The maelezo counters /metrics shows, by name. */
    private static java.util.Map<String, Double> maelezoMetrics() throws Exception {
        java.util.Map<String, Double> metrics = new java.util.TreeMap<>();
        Matcher line = Pattern.compile("(?m)^(maelezo_[a-z_]+) ([0-9.eE+-]+)$").matcher(get("/metrics"));
        while (line.find()) {
            metrics.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return metrics;
    }

    @Test
    void aBurstOfRefusalsTellsThePostmasterOnceThenSumsUpAndTheHealthCheckAndCountersShowIt(GuiceJamesServer server) throws Exception {
        DataProbeImpl users = server.getProbe(DataProbeImpl.class);
        users.fluent().addUser(POSTMASTER, "secret");
        for (int i = 0; i < 3; i++) {
            users.fluent().addUser("mtumaji" + i + "@" + JamesEnvironment.DOMAIN, "secret");
        }
        assertThat(get("/healthcheck/checks/maelezo")).contains("\"status\":\"healthy\"");

        for (int i = 0; i < 6; i++) {
            send(server, "mtumaji" + (i % 3) + "@" + JamesEnvironment.DOMAIN, "orodha" + i + "@remote.example");
        }
        AWAIT.until(() -> count(server, "mtumaji0@" + JamesEnvironment.DOMAIN) + count(server, "mtumaji1@" + JamesEnvironment.DOMAIN)
            + count(server, "mtumaji2@" + JamesEnvironment.DOMAIN) == 6);

        // One alert for the six bounces, at the first.
        assertThat(count(server, POSTMASTER)).isEqualTo(1);
        MimeMessage alert = message(server, POSTMASTER, 1);
        assertThat(alert.getSubject()).isEqualTo("[maelezo] This server's mail is refused: 192.0.2.77 (Spamhaus)");
        assertThat(alert.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(alert.getHeader("X-Maelezo", null)).as("maelezo left its own alert alone").isEqualTo("alert");
        assertThat((String) alert.getContent()).startsWith("Remote servers are refusing mail from this James server")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.77").contains("Seva za mbali zinakataa");
        // The loop closed: bounces after the alert tell the sender the administrator has been told; the one that alerted asks to forward it.
        java.util.List<String> told = new java.util.ArrayList<>();
        for (int sender = 0; sender < 3; sender++) {
            for (int number = 1; number <= 2; number++) {
                told.add(new BounceParts(message(server, "mtumaji" + sender + "@" + JamesEnvironment.DOMAIN, number)).text());
            }
        }
        assertThat(told).anyMatch(text -> text.contains("Msimamizi wa mtoa huduma wako wa barua pepe tayari amearifiwa kuhusu tatizo hili"))
            .anyMatch(text -> text.contains("Tuma taarifa hii yote kwa mtoa huduma wako"));
        String health = get("/healthcheck/checks/maelezo");
        assertThat(health).contains("\"status\":\"degraded\"").contains("192.0.2.77");

        // The summary at the end of the interval: how many bounces and senders.
        AWAIT.until(() -> count(server, POSTMASTER) == 2);
        assertThat((String) message(server, POSTMASTER, 2).getContent()).startsWith("Summary:")
            .contains("Refused: 6, from 3 sender(s)");

        java.util.Map<String, Double> metrics = maelezoMetrics();
        assertThat(metrics.get("maelezo_explained_blocklisted_total")).isEqualTo(6.0);
        assertThat(metrics.get("maelezo_outcome_explained_total")).isEqualTo(6.0);
        assertThat(metrics.get("maelezo_postmaster_alerts_sent_total")).isEqualTo(2.0);
        assertThat(metrics.keySet()).as("README lists exactly the counters /metrics shows").isEqualTo(readmeMetricNames());

        // No refusal for a whole interval: healthy again, and the logs said each alert.
        AWAIT.until(() -> get("/healthcheck/checks/maelezo").contains("\"status\":\"healthy\""));
        assertThat(count(server, POSTMASTER)).as("no summary after a quiet interval").isEqualTo(2);
    }

    /** The counter names README gives, each in backquotes. */
    private static Set<String> readmeMetricNames() throws Exception {
        Path readme = JamesEnvironment.configDirectory().resolve("../README.md");
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`(maelezo_[a-z_]+)`").matcher(Files.readString(readme, StandardCharsets.UTF_8));
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
