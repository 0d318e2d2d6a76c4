package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same scenario against James 3.8.1 as deployed: a separate java process started from the jars
 * the build assembles, maelezo's jar in extensions-jars/ (it is not on James's classpath
 * otherwise), config/ copied into conf/ with only the test overlay applied.
 */
class DeployedJamesBounceTest {
    static final String SENDER = "zawadi@" + JamesEnvironment.DOMAIN;
    static RejectingSmtpServer remote;
    static DeployedJames james;

    @BeforeAll
    static void start() throws Exception {
        remote = RejectingSmtpServer.start().reject("rcpt@remote.example", InProcessJamesBounceTest.BLOCKLIST_REPLY);
        Path workingDirectory = Files.createTempDirectory(Path.of("target"), "deployed-james-");
        james = DeployedJames.start(workingDirectory, remote.port());
        james.addUser(SENDER, "secret");
    }

    @AfterAll
    static void stop() {
        if (james != null) {
            james.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void pluginFromExtensionsJarsExplainsTheBlocklistBounce() throws Exception {
        assertThat(DeployedJames.jamesLib().toFile().list()).noneMatch(jar -> jar.startsWith("maelezo"));

        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", Port.of(james.smtpPort()))
                .sendMessageWithHeaders(SENDER, "rcpt@remote.example",
                    "From: " + SENDER + "\r\nTo: rcpt@remote.example\r\nSubject: Ankara\r\n\r\nHabari.\r\n");
        }
        BounceParts bounce;
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james.imapPort())
                .login(SENDER, "secret")
                .select(TestIMAPClient.INBOX)
                .awaitMessage(Awaitility.await().atMost(Duration.ofSeconds(60)));
            bounce = new BounceParts(ImapFetch.message(imap.readFirstMessage()));
        }

        assertThat(bounce.message.getSubject()).isEqualTo("Barua pepe haikufika: Ankara");
        assertThat(bounce.text())
            .startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia")
            .contains("ya Spamhaus")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.1");
        assertThat(bounce.deliveryStatus()).containsPattern("(?m)^Status: 5\\.7\\.1\\r?$");
        assertThat(james.log()).contains("maelezo: explained bounce");
    }
}
