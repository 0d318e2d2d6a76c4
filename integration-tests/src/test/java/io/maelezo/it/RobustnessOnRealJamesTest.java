package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.engine.knowledge.BlocklistCatalog;
import io.maelezo.engine.knowledge.EnhancedStatusTable;
import io.maelezo.engine.knowledge.ReasonPatterns;
import io.maelezo.engine.knowledge.ReplyCodeTable;
import io.maelezo.engine.knowledge.VendorCodes;
import io.maelezo.engine.parse.DiagnosticParser;

/**
 * What maelezo guarantees, on a real James: a failure inside it leaves the bounce as James made
 * it (delivered once, logged), and under load every bounce arrives exactly once, explained, while
 * local mail arrives untouched. A test-only Guice override makes maelezo's classifier fail on demand.
 */
class RobustnessOnRealJamesTest {
    /** maelezo's classifier, which a test can make fail. */
    static final class SwitchableClassifier extends Classifier {
        volatile boolean failing;

        SwitchableClassifier() {
            super(new DiagnosticParser(), VendorCodes.load(), BlocklistCatalog.load(), ReasonPatterns.load(),
                EnhancedStatusTable.load(), ReplyCodeTable.load());
        }

        @Override
        public Classification classify(String reply, String reportedStatus) {
            if (failing) {
                throw new IllegalStateException("injected failure");
            }
            return super.classify(reply, reportedStatus);
        }
    }

    static final SwitchableClassifier CLASSIFIER = new SwitchableClassifier();
    static final RejectingSmtpServer REMOTE = RejectingSmtpServer.start();
    static {
        REMOTE.reject("rcpt@remote.example", InProcessJamesBounceTest.BLOCKLIST_REPLY);
        for (int i = 0; i < 300; i++) {
            REMOTE.reject("gone" + i + "@remote.example", "550 5.1.1 <gone" + i + "@remote.example>: User unknown");
        }
    }

    @RegisterExtension
    static JamesServerExtension james = new JamesServerBuilder<MemoryJamesConfiguration>(workingDirectory -> {
        // maelezo's module is replaced by the test's own (below), which binds the switchable classifier.
        JamesEnvironment.write(workingDirectory.toPath(), 0, 0, 0, REMOTE.port(), JamesEnvironment.Maelezo.MAILETS_WITH_TEST_MODULE);
        return MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory)
            .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
            .build();
    })
        .server(MemoryJamesServerMain::createServer)
        // MaelezoModule, with the switchable classifier. A reply classified once is
        // kept and not classified again: the failure test sends a reply no other test sends.
        .overrideServerModule(com.google.inject.util.Modules.override(new io.maelezo.james.MaelezoModule()).with(binder -> {
            binder.bind(Classifier.class).toInstance(CLASSIFIER);
            binder.bind(RecentClassifications.class).toInstance(new RecentClassifications(CLASSIFIER));
        }))
        .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
        .build();

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    private static int count(GuiceJamesServer server, String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret");
            return (int) imap.getMessageCount(TestIMAPClient.INBOX);
        }
    }

    /** How many messages in the INBOX carry maelezo's mark. */
    private static int explained(GuiceJamesServer server, String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                .select(TestIMAPClient.INBOX);
            // SEARCH answers on one line ("* SEARCH 1 2 3"): no literals for the client to misread under load,
            // as a FETCH of the header fields once was ("unexpected IMAP protocol response: ')'").
            String response = imap.sendCommand("SEARCH HEADER X-Maelezo explained");
            Matcher line = Pattern.compile("(?im)^\\* SEARCH((?: \\d+)*)\\s*$").matcher(response);
            assertThat(line.find()).as("a SEARCH answer in " + response).isTrue();
            String numbers = line.group(1).trim();
            return numbers.isEmpty() ? 0 : numbers.split(" ").length;
        }
    }

    @Test
    void aFailureInsideMaelezoDeliversJamessOwnBounceOnceAndLogsAWarning(GuiceJamesServer server) throws Exception {
        String user = "fatuma@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger maelezo = (Logger) LoggerFactory.getLogger("io.maelezo");
        maelezo.addAppender(log);
        CLASSIFIER.failing = true;
        try {
            try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
                smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                    .sendMessageWithHeaders(user, "rcpt@remote.example", "Subject: Jaribio\r\n\r\nHabari.\r\n");
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(server, user) == 1);
            Thread.sleep(2000); // nothing more may come: no second copy, no bounce of the bounce
            assertThat(count(server, user)).isEqualTo(1);
            assertThat(explained(server, user)).isZero();
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                    .select(TestIMAPClient.INBOX);
                assertThat(imap.readFirstMessage()).contains("Hi. This is the James mail server").contains("multipart/report");
            }
            assertThat(log.list).filteredOn(event -> event.getLevel().toString().equals("WARN"))
                .anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .contains("could not explain bounce").contains("it is delivered unchanged").contains("injected failure"));
        } finally {
            CLASSIFIER.failing = false;
            maelezo.detachAppender(log);
        }
    }

    @Test
    void underLoadEveryBounceArrivesOnceExplainedAndLocalMailUntouched(GuiceJamesServer server) throws Exception {
        int senders = 3;
        int perSender = 100;
        List<String> senderNames = new ArrayList<>();
        List<String> localNames = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            senderNames.add("mtumaji" + i + "@" + JamesEnvironment.DOMAIN);
            localNames.add("mpokeaji" + i + "@" + JamesEnvironment.DOMAIN);
        }
        for (String user : senderNames) {
            server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        }
        for (String user : localNames) {
            server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        }
        int smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        Instant start = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(2 * senders);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            String sender = senderNames.get(s);
            String local = localNames.get(s);
            int first = s * perSender;
            sent.add(clients.submit(() -> sendAll(smtpPort, sender, first, perSender, true)));
            sent.add(clients.submit(() -> sendAll(smtpPort, sender, local, perSender)));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        clients.shutdown();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (int s = 0; s < senders; s++) {
                if (count(server, senderNames.get(s)) < perSender || count(server, localNames.get(s)) < perSender) {
                    return false;
                }
            }
            return true;
        });
        Duration took = Duration.between(start, Instant.now());
        Thread.sleep(3000); // late duplicates would show now
        for (int s = 0; s < senders; s++) {
            assertThat(count(server, senderNames.get(s))).as("bounces of " + senderNames.get(s)).isEqualTo(perSender);
            assertThat(explained(server, senderNames.get(s))).as("explained bounces of " + senderNames.get(s)).isEqualTo(perSender);
            assertThat(count(server, localNames.get(s))).as("local mail of " + localNames.get(s)).isEqualTo(perSender);
            assertThat(explained(server, localNames.get(s))).as("local mail touched by maelezo").isZero();
        }
        System.out.printf("Load: %d rejected remote mails (%d explained bounces) and %d local deliveries in %d ms%n",
            senders * perSender, senders * perSender, senders * perSender, took.toMillis());
    }

    private static Void sendAll(int port, String sender, int first, int count, boolean remote) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", org.apache.james.util.Port.of(port));
            for (int i = first; i < first + count; i++) {
                smtp.sendMessageWithHeaders(sender, "gone" + i + "@remote.example", "Subject: Mzigo " + i + "\r\n\r\nHabari " + i + ".\r\n");
            }
        }
        return null;
    }

    private static Void sendAll(int port, String sender, String local, int count) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", org.apache.james.util.Port.of(port));
            for (int i = 0; i < count; i++) {
                smtp.sendMessageWithHeaders(sender, local, "Subject: Ndani " + i + "\r\n\r\nHabari ya ndani " + i + ".\r\n");
            }
        }
        return null;
    }
}
