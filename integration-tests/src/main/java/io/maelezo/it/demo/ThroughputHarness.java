package io.maelezo.it.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.mail.FetchProfile;
import javax.mail.Flags;
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
import io.maelezo.report.BounceDecorator;

/**
 * End to end on real James (mailet/benchmarks/README.md): bounces per second through James 3.8.1 with
 * the config/ pipeline, with and without maelezo's two mailets, in interleaved rounds.
 * Usage: ThroughputHarness [ROUNDS] [MAILS] [WARM-UP MAILS]. Not part of the tests: it takes minutes.
 *
 * <p>Two Jameses are started, one with maelezo and one without; each first handles WARM-UP MAILS
 * refused mails (default: MAILS), so that the JIT has compiled the code of a bounce (a burst of
 * bounces, what the figure is about, runs warm); then ROUNDS rounds of MAILS refused mails each,
 * which James goes first alternating. While one James runs its batch the other is stopped
 * (SIGSTOP): its JIT and collector, still busy with its own last batch, would otherwise take CPU
 * from the one being measured. The James started first measured slower even when both were
 * plain, so the whole is done twice: with maelezo's James started first, then plain James first
 * (two new Jameses). The figure is the median of all rounds' ratios, with its range.
 *
 * <p>The mails come from {@code -Dmaelezo.harness.senders=N} users (default 10), in turn, and each
 * user's inbox is drained on its own: James 3.8.1's memory server guesses a delivered mail's
 * thread by reading the header of every message in the user's mailboxes, so bounces piling up
 * for one user would make that search most of what is measured.
 *
 * <p>Both Jameses log as James ships (INFO, for James's lines and maelezo's alike: James writes five
 * for each bounce here, maelezo one more); {@code -Dmaelezo.james.logging=quiet} logs warnings
 * only, for both. A run counts only if every bounce that reached the inboxes of maelezo's James is
 * explained and none of plain James's: the harness fetches each bounce's marker header, as a mail
 * client fetches the headers of new mail.
 *
 * <p>Options: {@code -Dmaelezo.harness.plainTwice=true} runs plain James in both places (what the
 * harness reads when nothing differs: its own spread, to judge a with/without figure by);
 * {@code -Dmaelezo.harness.threads=true} prints after each batch the CPU James used by kind of
 * thread (Linux), to see whether a difference is in the mail's path, the JIT or the collector.
 */
public final class ThroughputHarness {
    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int mails = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : mails;
        boolean plainTwice = Boolean.getBoolean("maelezo.harness.plainTwice");
        if (System.getProperty("maelezo.james.logging") == null) {
            System.setProperty("maelezo.james.logging", "james");
        }
        RejectingSmtpServer remote = RejectingSmtpServer.start();
        Figures figures = new Figures();
        try {
            for (int i = 0; i < Math.max(mails, warmUp); i++) {
                remote.reject("gone" + i + "@remote.example", "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org");
            }
            for (boolean plainFirst : new boolean[] {false, true}) {
                System.out.println(plainFirst ? "plain James started first:" : "James with maelezo started first:");
                try (DeployedJames first = DeployedJames.start(Files.createTempDirectory("maelezo-first-"), remote.port(), !plainFirst && !plainTwice);
                     DeployedJames second = DeployedJames.start(Files.createTempDirectory("maelezo-second-"), remote.port(), plainFirst && !plainTwice)) {
                    Batch withMaelezo = new Batch(plainFirst ? second : first);
                    Batch plain = new Batch(plainFirst ? first : second);
                    alone(plainFirst ? plain : withMaelezo, plainFirst ? withMaelezo : plain, warmUp);
                    alone(plainFirst ? withMaelezo : plain, plainFirst ? plain : withMaelezo, warmUp);
                    for (int round = 1; round <= rounds; round++) {
                        // The James started first goes first in odd rounds: whatever a batch leaves
                        // behind (a fuller heap, methods still to compile) weighs on both alike.
                        boolean withGoesFirst = (round % 2 == 1) != plainFirst;
                        double a;
                        double b;
                        if (withGoesFirst) {
                            a = alone(withMaelezo, plain, mails);
                            b = alone(plain, withMaelezo, mails);
                        } else {
                            b = alone(plain, withMaelezo, mails);
                            a = alone(withMaelezo, plain, mails);
                        }
                        figures.add(a, b, withMaelezo.cpuMillisPerMail, plain.cpuMillisPerMail);
                        System.out.printf("round %d: with maelezo %.1f bounces/s (James's CPU %.2f ms a bounce), without %.1f bounces/s (%.2f ms): %.0f%%%n",
                            round, a, withMaelezo.cpuMillisPerMail, b, plain.cpuMillisPerMail, 100 * a / b);
                    }
                    int handled = warmUp + rounds * mails;
                    checkExplained(withMaelezo, plainTwice ? 0 : handled);
                    checkExplained(plain, 0);
                }
            }
        } finally {
            remote.close();
        }
        figures.print();
    }

    /** Every round's figures, and what they come to. */
    private static final class Figures {
        private final List<Double> ratios = new ArrayList<>();
        private double with;
        private double plain;
        private double withCpu;
        private double plainCpu;

        void add(double withRate, double plainRate, double withCpuMillis, double plainCpuMillis) {
            ratios.add(withRate / plainRate);
            with += withRate;
            plain += plainRate;
            withCpu += withCpuMillis;
            plainCpu += plainCpuMillis;
        }

        void print() {
            int n = ratios.size();
            List<Double> sorted = new ArrayList<>(ratios);
            Collections.sort(sorted);
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            System.out.printf("%d rounds: median of the rounds' ratios %.0f%% (%.0f%%–%.0f%%); mean with %.1f, without %.1f bounces/s: %.0f%%%n",
                n, 100 * median, 100 * sorted.get(0), 100 * sorted.get(n - 1), with / n, plain / n, 100 * with / plain);
            System.out.printf("James's CPU a bounce (all its threads, from sending to the bounce in the inbox): with %.2f ms, without %.2f ms%n",
                withCpu / n, plainCpu / n);
        }
    }

    /**
     * A figure is worth something only if maelezo did its work: every bounce that reached the
     * inboxes of the James with maelezo must be explained (its marker header), none of plain James's.
     * The harness reads the bounces as a mail client does, not James's log: what James logs is the
     * same for both ({@code -Dmaelezo.james.logging}), and may be nothing.
     */
    private static void checkExplained(Batch batch, long expected) {
        if (batch.explained != expected) {
            throw new IllegalStateException("a James delivered " + batch.explained + " explained bounces of " + batch.delivered
                + ", not " + expected + ": the figures are void");
        }
    }

    /** One batch on a settled machine: the other James stopped, one second's pause, then the batch. */
    private static double alone(Batch batch, Batch other, int mails) throws Exception {
        other.james.pause();
        batch.james.resume();
        Thread.sleep(1000);
        return batch.run(mails);
    }

    /** -Dmaelezo.harness.threads=true: after each batch, the CPU James used by kind of thread (Linux only). */
    private static final boolean THREADS = Boolean.getBoolean("maelezo.harness.threads");
    /** -Dmaelezo.harness.senders=N: how many users send the refused mails (and get the bounces). */
    private static final int SENDERS = Integer.getInteger("maelezo.harness.senders", 10);

    /**
     * One James and its senders: each run sends MAILS refused mails and waits for their bounces.
     * Each sender's inbox stays open, is watched with NOOP (new messages come as EXISTS) and is
     * emptied as the bounces arrive. James 3.8.1's memory server has no search index: opening a
     * mailbox, and every delivery (its guess of the mail's thread), reads every message already in
     * the user's mailboxes, so a mailbox left to fill would measure how many bounces it holds, not
     * what delivering one costs.
     */
    private static final class Batch {
        private final DeployedJames james;
        private final Session session;
        private final List<String> senders = new ArrayList<>();
        private final List<Folder> inboxes = new ArrayList<>();
        /** What a mail client fetches of each new bounce here: maelezo's marker header. */
        private static final FetchProfile MARKER = new FetchProfile();

        static {
            MARKER.add(BounceDecorator.MARKER_HEADER);
        }
        /** CPU time James used in the last run, per mail, in milliseconds. */
        double cpuMillisPerMail;
        /** Bounces that reached the inboxes so far, and how many of them maelezo explained. */
        long delivered;
        long explained;

        Batch(DeployedJames james) throws Exception {
            this.james = james;
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
            this.session = Session.getInstance(properties);
            for (int i = 0; i < SENDERS; i++) {
                String user = "mtumaji" + i + "@" + JamesEnvironment.DOMAIN;
                james.addUser(user, "secret");
                Store store = session.getStore("imap");
                store.connect("127.0.0.1", james.imapPort(), user, "secret");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                senders.add(user);
                inboxes.add(inbox);
            }
        }

        double run(int mails) throws Exception {
            Duration cpuBefore = james.cpuTime();
            Map<String, Long> threadsBefore = THREADS ? james.cpuTicksByThreadKind() : Map.of();
            Instant start = Instant.now();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int first = c;
                sent.add(clients.submit(() -> {
                    for (int i = first; i < mails; i += 4) {
                        MimeMessage mail = new MimeMessage(session);
                        mail.setFrom(new InternetAddress(senders.get(i % senders.size())));
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
                int drained = 0;
                for (Folder inbox : inboxes) {
                    if (inbox.getMessageCount() > 0) {
                        Message[] bounces = inbox.getMessages();
                        inbox.fetch(bounces, MARKER);
                        for (Message bounce : bounces) {
                            if (bounce.getHeader(BounceDecorator.MARKER_HEADER) != null) {
                                explained++;
                            }
                        }
                        delivered += bounces.length;
                        inbox.setFlags(bounces, new Flags(Flags.Flag.DELETED), true);
                        inbox.expunge();
                        drained += bounces.length;
                    }
                }
                received += drained;
                if (drained == 0) {
                    Thread.sleep(50);
                }
            }
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            cpuMillisPerMail = james.cpuTime().minus(cpuBefore).toNanos() / 1e6 / mails;
            if (THREADS) {
                Map<String, Long> used = new TreeMap<>();
                james.cpuTicksByThreadKind().forEach((kind, ticks) -> {
                    long delta = ticks - threadsBefore.getOrDefault(kind, 0L);
                    if (delta > 0) {
                        used.put(kind, delta);
                    }
                });
                System.out.println("  CPU ticks by thread kind: " + used);
            }
            return mails / seconds;
        }
    }
}
