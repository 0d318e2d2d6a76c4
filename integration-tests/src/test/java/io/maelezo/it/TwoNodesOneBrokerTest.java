package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.activemq.broker.BrokerService;
import org.apache.commons.net.smtp.SMTPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two James processes sharing one ActiveMQ broker on 127.0.0.1 (mail bodies inside the JMS
 * messages): mails refused on either are bounced by whichever node takes them, each exactly once,
 * and both nodes write byte-identical explanations for the same reply.
 */
class TwoNodesOneBrokerTest {
    static final int MAILS = 100;
    /** A reply that alerts no postmaster: the words of a bounce do not depend on what one node was told. */
    static final String REPLY = "550 5.1.1 <pamoja@remote.example>: Recipient address rejected: User unknown in virtual mailbox table";
    private static final Pattern SENDER = Pattern.compile("(?m)^To: s(\\d+)@outside\\.example");

    private static void send(int port, int from, int to) throws Exception {
        SMTPClient smtp = new SMTPClient();
        smtp.connect("127.0.0.1", port);
        smtp.helo("client.outside.example");
        for (int i = from; i < to; i++) {
            assertThat(smtp.setSender("s" + i + "@outside.example")).isTrue();
            assertThat(smtp.addRecipient("pamoja@remote.example")).isTrue();
            assertThat(smtp.sendShortMessageData("From: s" + i + "@outside.example\r\nTo: pamoja@remote.example\r\nSubject: Pamoja\r\n\r\nHabari.\r\n"))
                .isTrue();
        }
        smtp.disconnect();
    }

    /** The explained bounces the remote server received, by the sender they went back to. */
    private static Map<Integer, Integer> bouncesBySender(RejectingSmtpServer remote) {
        Map<Integer, Integer> bounces = new TreeMap<>();
        for (byte[] mail : remote.accepted()) {
            Matcher sender = SENDER.matcher(new String(mail, StandardCharsets.ISO_8859_1));
            if (sender.find()) {
                bounces.merge(Integer.parseInt(sender.group(1)), 1, Integer::sum);
            }
        }
        return bounces;
    }

    @Test
    void eachRefusedMailIsBouncedOnceByEitherNodeInTheSameWords() throws Exception {
        int port = JamesEnvironment.freePort();
        BrokerService broker = new BrokerService();
        broker.setBrokerName("shared");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
        try (RejectingSmtpServer remote = RejectingSmtpServer.start().reject("pamoja@remote.example", REPLY)) {
            JamesQueue shared = JamesQueue.activeMQ("tcp://127.0.0.1:" + port);
            try (DeployedJames first = DeployedJames.start(Files.createTempDirectory(Path.of("target"), "node-a-"), remote.port(), true,
                     UnaryOperator.identity(), shared);
                 DeployedJames second = DeployedJames.start(Files.createTempDirectory(Path.of("target"), "node-b-"), remote.port(), true,
                     UnaryOperator.identity(), shared)) {
                send(first.smtpPort(), 0, MAILS / 2);
                send(second.smtpPort(), MAILS / 2, MAILS);

                Awaitility.await("a bounce for every refused mail").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bouncesBySender(remote).size() >= MAILS);
                Thread.sleep(5_000); // a duplicate would come now
                Map<Integer, Integer> bounces = bouncesBySender(remote);
                assertThat(bounces).as("a bounce for every refused mail").hasSize(MAILS);
                assertThat(bounces.values()).as("each exactly once").containsOnly(1);
                int byFirst = first.log().split("maelezo: explained bounce of mail", -1).length - 1;
                int bySecond = second.log().split("maelezo: explained bounce of mail", -1).length - 1;
                System.out.println("two nodes, one broker: " + MAILS + " refused mails, bounced by node A " + byFirst + ", by node B " + bySecond);
                assertThat(byFirst).as("node A explained some").isPositive();
                assertThat(bySecond).as("node B explained some").isPositive();
                assertThat(byFirst + bySecond).as("once each, by one node or the other").isEqualTo(MAILS);
            }
            Set<String> explanations = new HashSet<>();
            for (byte[] mail : remote.accepted()) {
                MimeMessage bounce = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail));
                if (bounce.getContent() instanceof MimeMultipart) {
                    MimeMultipart alternative = (MimeMultipart) ((MimeMultipart) bounce.getContent()).getBodyPart(0).getContent();
                    explanations.add(alternative.getBodyPart(0).getContent() + "\n----\n" + alternative.getBodyPart(1).getContent());
                }
            }
            assertThat(explanations).as("one explanation, text and HTML, for the same reply from both nodes").hasSize(1);
        } finally {
            broker.stop();
        }
    }
}
