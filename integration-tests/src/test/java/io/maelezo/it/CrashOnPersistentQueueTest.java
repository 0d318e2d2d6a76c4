package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.net.smtp.SMTPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a burst, on James's persistent ActiveMQ queue: 300 mails the remote
 * server refuses, from outside senders whose bounces leave through RemoteDelivery to the test's own
 * SMTP server (counted there, not in a memory mailbox the crash would lose); James is killed after
 * about a third of the bounces and restarted on the same directory. No refused mail may be left
 * without an explained bounce; maelezo may duplicate no more bounces than plain James (DSNBounce) under the
 * same crash, give or take the mails in flight (James's 20 spool threads and 10 delivery threads).
 */
class CrashOnPersistentQueueTest {
    static final int MAILS = 300;
    static final int IN_FLIGHT = 20 + 10;
    private static final Pattern REFUSED = Pattern.compile("refused(\\d+)@remote\\.example");

    /** What one run saw: how many refused mails got no bounce, and how many bounces were more than one. */
    static final class Outcome {
        final int lost;
        final int duplicated;
        final int atKill;

        Outcome(int lost, int duplicated, int atKill) {
            this.lost = lost;
            this.duplicated = duplicated;
            this.atKill = atKill;
        }

        @Override
        public String toString() {
            return "lost " + lost + ", duplicated " + duplicated + " (killed after " + atKill + " bounces)";
        }
    }

    /** Bounces the remote server accepted, by refused mail (with maelezo: explained ones only). */
    private static Map<Integer, Integer> bouncesByMail(RejectingSmtpServer remote, boolean explainedOnly) {
        Map<Integer, Integer> bounces = new TreeMap<>();
        for (byte[] mail : remote.accepted()) {
            String text = new String(mail, StandardCharsets.ISO_8859_1);
            Matcher refused = REFUSED.matcher(text);
            if (refused.find() && (!explainedOnly || text.contains("\nX-Maelezo: explained"))) {
                bounces.merge(Integer.parseInt(refused.group(1)), 1, Integer::sum);
            }
        }
        return bounces;
    }

    private static int total(Map<Integer, Integer> bounces) {
        return bounces.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Outcome crashRun(boolean withMaelezo) throws Exception {
        try (RejectingSmtpServer remote = RejectingSmtpServer.start()) {
            for (int i = 0; i < MAILS; i++) {
                remote.reject("refused" + i + "@remote.example", "550 5.1.1 <refused" + i + "@remote.example>: User unknown");
            }
            Path workingDirectory = Files.createTempDirectory(Path.of("target"), withMaelezo ? "crash-maelezo-" : "crash-plain-");
            DeployedJames james = DeployedJames.start(workingDirectory, remote.port(), withMaelezo, UnaryOperator.identity(),
                JamesQueue.activeMQ("embedded"));
            try {
                SMTPClient smtp = new SMTPClient();
                smtp.connect("127.0.0.1", james.smtpPort());
                smtp.helo("client.outside.example");
                for (int i = 0; i < MAILS; i++) {
                    assertThat(smtp.setSender("s" + i + "@outside.example")).isTrue();
                    assertThat(smtp.addRecipient("refused" + i + "@remote.example")).isTrue();
                    assertThat(smtp.sendShortMessageData("From: s" + i + "@outside.example\r\nTo: refused" + i
                        + "@remote.example\r\nSubject: Barua " + i + "\r\n\r\nHabari.\r\n")).isTrue();
                }
                smtp.disconnect();

                Awaitility.await("a third of the bounces").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> total(bouncesByMail(remote, withMaelezo)) >= MAILS / 3);
                james.kill();
                int atKill = total(bouncesByMail(remote, withMaelezo));
                james = james.restart();

                // Every refused mail bounced, then nothing more for 15 s.
                Awaitility.await("a bounce for every refused mail").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bouncesByMail(remote, withMaelezo).size() >= MAILS);
                int seen = -1;
                while (seen != total(bouncesByMail(remote, withMaelezo))) {
                    seen = total(bouncesByMail(remote, withMaelezo));
                    Thread.sleep(15_000);
                }
                Map<Integer, Integer> bounces = bouncesByMail(remote, withMaelezo);
                return new Outcome(MAILS - bounces.size(), total(bounces) - bounces.size(), atKill);
            } finally {
                james.close();
            }
        }
    }

    @Test
    void aCrashMidBurstLosesNoBounceAndMaelezoDuplicatesNoMoreThanPlainJames() throws Exception {
        Outcome plain = crashRun(false);
        Outcome maelezo = crashRun(true);
        System.out.println("kill -9 on ActiveMQ, " + MAILS + " refused mails: plain James " + plain + "; maelezo " + maelezo);

        assertThat(maelezo.lost).as("maelezo: refused mails without a bounce").isZero();
        assertThat(maelezo.duplicated).as("maelezo's duplicates against plain James's " + plain.duplicated + " and " + IN_FLIGHT + " in flight")
            .isLessThanOrEqualTo(plain.duplicated + IN_FLIGHT);
    }
}
