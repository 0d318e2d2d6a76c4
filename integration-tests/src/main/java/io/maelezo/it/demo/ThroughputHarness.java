package io.maelezo.it.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import io.maelezo.it.DeployedJames;
import io.maelezo.it.JamesEnvironment;
import io.maelezo.it.RejectingSmtpServer;

/**
 * End to end on real James (README, "Performance"): bounces per second through James 3.8.1 with
 * the config/ pipeline, with and without maelezo's two mailets, in interleaved rounds.
 * Usage: ThroughputHarness [ROUNDS] [MAILS] [WARM-UP MAILS]. Not part of the tests: it takes minutes.
 * Both Jameses first handle WARM-UP MAILS refused mails (default: MAILS), so that the JIT has
 * compiled the code of a bounce; a burst of bounces (what the figure is about) runs warm.
 */
public final class ThroughputHarness {
    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int mails = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : mails;
        RejectingSmtpServer remote = RejectingSmtpServer.start();
        for (int i = 0; i < Math.max(mails, warmUp); i++) {
            remote.reject("gone" + i + "@remote.example", "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org");
        }
        // Both Jameses run side by side, each warmed up by one batch, then measured batch after
        // batch in turn: the same machine state for both, and the JIT warm in both.
        // -Dmaelezo.harness.plainTwice=true runs plain James in both places: what the harness reads
        // when nothing differs (its own noise and bias), to judge a with/without figure by.
        boolean plainTwice = Boolean.getBoolean("maelezo.harness.plainTwice");
        try (DeployedJames with = DeployedJames.start(Files.createTempDirectory("maelezo-with-"), remote.port(), !plainTwice);
             DeployedJames without = DeployedJames.start(Files.createTempDirectory("maelezo-without-"), remote.port(), false)) {
            Batch withMaelezo = new Batch(with);
            Batch plain = new Batch(without);
            withMaelezo.run(warmUp);
            plain.run(warmUp);
            List<String> results = new ArrayList<>();
            double withTotal = 0;
            double plainTotal = 0;
            double withCpu = 0;
            double plainCpu = 0;
            for (int round = 1; round <= rounds; round++) {
                // Which James goes first alternates, and each starts on a settled machine: a James
                // still finishing its batch in the background (GC, mailbox listeners) must not
                // always slow down the same one of the two.
                double a;
                double b;
                if (round % 2 == 1) {
                    a = settledThen(withMaelezo, mails);
                    b = settledThen(plain, mails);
                } else {
                    b = settledThen(plain, mails);
                    a = settledThen(withMaelezo, mails);
                }
                withTotal += a;
                plainTotal += b;
                withCpu += withMaelezo.cpuMillisPerMail;
                plainCpu += plain.cpuMillisPerMail;
                results.add(String.format("round %d: with maelezo %.1f bounces/s (James's CPU %.2f ms a bounce), without %.1f bounces/s (%.2f ms)",
                    round, a, withMaelezo.cpuMillisPerMail, b, plain.cpuMillisPerMail));
                System.out.println(results.get(results.size() - 1));
            }
            System.out.printf("mean: with %.1f, without %.1f bounces/s: %.0f%%%n", withTotal / rounds, plainTotal / rounds,
                100 * withTotal / plainTotal);
            System.out.printf("James's CPU a bounce (all its threads, from sending to the bounce in the inbox): with %.2f ms, without %.2f ms%n",
                withCpu / rounds, plainCpu / rounds);
        } finally {
            remote.close();
        }
    }

    private static double settledThen(Batch batch, int mails) throws Exception {
        Thread.sleep(1000);
        return batch.run(mails);
    }

    /**
     * One James and its sender: each run sends MAILS refused mails and waits for their bounces.
     * The inbox stays open, is watched with NOOP (new messages come as EXISTS) and is emptied as
     * the bounces arrive. James 3.8.1's memory server has no search index: opening a mailbox, and
     * every delivery (its guess of the mail's thread), reads every message already there, so a
     * mailbox left to fill would measure how many bounces it holds, not what delivering one costs.
     */
    private static final class Batch {
        private final DeployedJames james;
        private final Session session;
        private final Folder inbox;
        /** CPU time James used in the last run, per mail, in milliseconds. */
        double cpuMillisPerMail;

        Batch(DeployedJames james) throws Exception {
            this.james = james;
            String user = "mtumaji@" + JamesEnvironment.DOMAIN;
            james.addUser(user, "secret");
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
            this.session = Session.getInstance(properties);
            Store store = session.getStore("imap");
            store.connect("127.0.0.1", james.imapPort(), user, "secret");
            this.inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
        }

        double run(int mails) throws Exception {
            String user = "mtumaji@" + JamesEnvironment.DOMAIN;
            Duration cpuBefore = james.cpuTime();
            Instant start = Instant.now();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int first = c;
                sent.add(clients.submit(() -> {
                    for (int i = first; i < mails; i += 4) {
                        MimeMessage mail = new MimeMessage(session);
                        mail.setFrom(new InternetAddress(user));
                        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("gone" + i + "@remote.example"));
                        mail.setSubject("Mzigo " + i);
                        mail.setText("Habari " + i);
                        Transport.send(mail);
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            clients.shutdown();
            int received = 0;
            while (received < mails) {
                if (Duration.between(start, Instant.now()).toMinutes() > 5) {
                    throw new IllegalStateException("bounces did not all arrive");
                }
                if (inbox.getMessageCount() > 0) {
                    Message[] bounces = inbox.getMessages();
                    inbox.setFlags(bounces, new javax.mail.Flags(javax.mail.Flags.Flag.DELETED), true);
                    inbox.expunge();
                    received += bounces.length;
                } else {
                    Thread.sleep(50);
                }
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            cpuMillisPerMail = james.cpuTime().minus(cpuBefore).toNanos() / 1e6 / mails;
            return mails / seconds;
        }
    }
}
