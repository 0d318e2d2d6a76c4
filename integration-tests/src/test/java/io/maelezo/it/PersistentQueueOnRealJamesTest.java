package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * maelezo on James's persistent ActiveMQ queue (the JPA server's; here on the memory server, as its
 * own process: {@code io.maelezo.it.queue.ActiveMQJamesServerMain}). Every mail attribute crosses the
 * queue as JSON; one without a JSON form is dropped there, with an ERROR line. What maelezo reads
 * after a hop must arrive unchanged.
 */
class PersistentQueueOnRealJamesTest {
    static final String SENDER = "halima@" + JamesEnvironment.DOMAIN;
    static final String LISTED = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";
    /** What James writes when an attribute did not survive the queue. */
    static final List<String> LOST = List.of("Not supported mail attribute", "Error deserializing mail attribute");

    private RejectingSmtpServer remote;
    private DeployedJames james;

    @AfterEach
    void stop() {
        if (james != null) {
            james.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    /** Records the attributes each mail carries where maelezo reads them, after RemoteDelivery sent it to bounces (a queue hop). */
    private static String recordedBefore(String mailetClass, String xml) {
        return xml.replaceFirst("(\\s*)(<mailet [^>]*class=\"" + mailetClass.replace(".", "\\.") + "\")",
            "$1<mailet match=\"All\" class=\"io.maelezo.it.queue.RecordAttributes\"><at>" + mailetClass + "</at></mailet>$1$2");
    }

    /** The first mailet of transport sets dsn-arrival-date (a date attribute), which then crosses the outgoing queue and the hop to bounces. */
    private static String withArrivalDate(String xml) {
        return xml.replaceFirst("(<processor [^>]*state=\"transport\"[^>]*>)",
            "$1<mailet match=\"All\" class=\"io.maelezo.it.queue.SetArrivalDate\"/>");
    }

    private BounceParts bounceOf(UnaryOperator<String> mailetContainer) throws Exception {
        remote = RejectingSmtpServer.start().reject("rafiki@remote.example", LISTED)
            .reject("busy@remote.example", "451 4.3.0 Temporary local problem, please try again later");
        Path workingDirectory = Files.createTempDirectory(Path.of("target"), "activemq-james-");
        james = DeployedJames.start(workingDirectory, remote.port(), true, mailetContainer, JamesQueue.activeMQ("embedded"));
        james.addUser(SENDER, "secret");
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", Port.of(james.smtpPort()))
                .sendMessageWithHeaders(SENDER, "rafiki@remote.example",
                    "From: " + SENDER + "\r\nTo: rafiki@remote.example\r\nSubject: Ripoti\r\n\r\nHabari.\r\n");
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james.imapPort()).login(SENDER, "secret").select(TestIMAPClient.INBOX)
                .awaitMessage(Awaitility.await().atMost(Duration.ofSeconds(90)));
            BounceParts first = new BounceParts(ImapFetch.message(imap.readFirstMessage()));
            // Then a mail James retries and gives up on: its retry count crosses the outgoing queue and the hop to bounces.
            try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
                smtp.connect("127.0.0.1", Port.of(james.smtpPort())).sendMessageWithHeaders(SENDER, "busy@remote.example",
                    "From: " + SENDER + "\r\nTo: busy@remote.example\r\nSubject: Tena\r\n\r\nHabari.\r\n");
            }
            imap.awaitMessageCount(Awaitility.await().atMost(Duration.ofSeconds(90)), 2);
            return first;
        }
    }

    private String attributesLog() throws Exception {
        return Files.readString(james.workingDirectory().resolve("attributes.log"), StandardCharsets.UTF_8);
    }

    @Test
    void whatExplainedDsnBounceReadsArrivesUnchangedAfterTheQueueHopToBounces() throws Exception {
        BounceParts bounce = bounceOf(xml -> withArrivalDate(recordedBefore("io.maelezo.james.ExplainedDSNBounce", xml)));

        assertThat(bounce.text()).startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.1");
        assertThat(bounce.deliveryStatus()).contains("Diagnostic-Code: smtp; " + LISTED).contains("Arrival-Date: ");
        String recorded = attributesLog();
        assertThat(recorded).contains("delivery-error={\"serializer\":\"StringSerializer\",\"value\":\"" + LISTED + "\"}")
            .contains("is-delivery-permanent-error={\"serializer\":\"BooleanSerializer\",\"value\":true}")
            .containsPattern("dsn-arrival-date=\\{\"serializer\":\"DateSerializer\",\"value\":\"20\\d\\d-")
            .containsPattern("delivery_retry_count=\\{\"serializer\":\"IntSerializer\",\"value\":\\d+}")
            .doesNotContain("(no JSON form)");
        assertThat(james.log()).doesNotContain(LOST.get(0)).doesNotContain(LOST.get(1));
    }

    @Test
    void theDecorateOnlySetupsAttributesCrossTheQueueToo() throws Exception {
        // ExplainDeliveryFailure stores maelezo.* on the failed mail; DSNBounce's bounce carries them through sendMail (a hop).
        BounceParts bounce = bounceOf(xml -> recordedBefore("io.maelezo.james.DecorateBounce",
            xml.replaceFirst("(?s)<mailet [^>]*class=\"io\\.maelezo\\.james\\.ExplainedDSNBounce\"[^>]*>.*?</mailet>",
                "<mailet match=\"All\" class=\"io.maelezo.james.ExplainDeliveryFailure\"/>")));

        assertThat(bounce.text()).startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia");
        String bounceLine = attributesLog().lines().filter(line -> line.startsWith("io.maelezo.james.DecorateBounce") && line.contains("maelezo.category"))
            .findFirst().orElseThrow(() -> new AssertionError("no mail in transport carried maelezo's attributes"));
        assertThat(bounceLine).contains("maelezo.category={\"serializer\":\"StringSerializer\",\"value\":\"blocklisted\"}")
            .contains("maelezo.blocklist={\"serializer\":\"StringSerializer\",\"value\":\"spamhaus\"}")
            .contains("maelezo.diagnostic={\"serializer\":\"StringSerializer\",\"value\":\"" + LISTED + "\"}")
            .contains("maelezo.temporary={\"serializer\":\"BooleanSerializer\",\"value\":false}")
            .contains("maelezo.reply-code={\"serializer\":\"StringSerializer\",\"value\":\"550\"}")
            .doesNotContain("(no JSON form)");
        assertThat(james.log()).doesNotContain(LOST.get(0)).doesNotContain(LOST.get(1));
    }
}
