package io.maelezo.it.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import javax.mail.BodyPart;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import io.maelezo.it.DeployedJames;
import io.maelezo.it.JamesEnvironment;
import io.maelezo.it.RejectingSmtpServer;

/**
 * README command 1: a local James 3.8.1 with maelezo installed, a local server that rejects mail
 * the way real servers do, a few failing mails, and their bounces written as .eml files and kept
 * in an IMAP mailbox for any mail client. {@code --exit} stops after writing the bounces.
 */
public final class Demo {
    static final String USER = "mtumaji@" + JamesEnvironment.DOMAIN;
    static final String PASSWORD = "siri-ya-demo";
    static final String POSTMASTER = "postmaster@" + JamesEnvironment.DOMAIN;

    /** Recipient, the remote server's reply, and the subject of the mail sent to it. */
    static final List<String[]> SCENARIOS = List.of(
        new String[] {"rafiki@remote.example",
            "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1",
            "Mkutano wa Jumatatu"},
        new String[] {"hayupo@remote.example",
            "550 5.1.1 <hayupo@remote.example>: Recipient address rejected: User unknown in virtual mailbox table",
            "Ankara ya mwezi"},
        new String[] {"amejaa@remote.example",
            "550 5.2.2 <amejaa@remote.example>: Mailbox full, quota exceeded",
            "Picha za harusi"},
        new String[] {"kichujio@remote.example",
            "550 5.7.1 Message rejected as spam by Content Filtering.",
            "Ofa maalum"});

    private Demo() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // James's threads would keep this process alive: say what failed and stop it (the hook stops James).
            System.err.println("The demo failed: " + e);
            e.printStackTrace();
            exit(1);
        }
    }

    /**
     * Stops this process. The shutdown hook stops James and the refusing server; should that hang
     * (it once did, after James's IMAP server had dropped a connection), the process ends anyway
     * a minute later instead of waiting for Ctrl-C or a timeout.
     */
    private static void exit(int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("James did not stop within a minute; ending the demo without it.");
            Runtime.getRuntime().halt(status);
        }, "demo-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        boolean exitWhenDone = List.of(args).contains("--exit");
        Path out = Path.of(valueAfter(args, "--out", "demo-output"));
        Files.createDirectories(out);

        RejectingSmtpServer remote = RejectingSmtpServer.start();
        SCENARIOS.forEach(scenario -> remote.reject(scenario[0], scenario[1]));
        Path workingDirectory = Files.createTempDirectory("maelezo-demo-james-");
        System.out.println("Starting Apache James 3.8.1 with maelezo (working directory " + workingDirectory + ") ...");
        DeployedJames james = DeployedJames.start(workingDirectory, remote.port());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            james.close();
            remote.close();
            stop.countDown();
        }));
        james.addUser(USER, PASSWORD);
        james.addUser(POSTMASTER, PASSWORD); // alerts go to the postmaster's local mailbox

        Session session = Session.getInstance(properties(james));
        for (String[] scenario : SCENARIOS) {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(USER));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(scenario[0]));
            mail.setSubject(scenario[2], "UTF-8");
            mail.setText("Habari,\n\nHii ni barua ya majaribio ya maelezo.\n", "UTF-8");
            Transport.send(mail);
        }
        System.out.println("Sent " + SCENARIOS.size() + " mails that the remote server will refuse. Waiting for the bounces ...");

        Map<String, byte[]> bounces = awaitBounces(session, james, SCENARIOS.size(), Duration.ofSeconds(120));
        if (bounces.isEmpty()) {
            throw new IllegalStateException("no bounce arrived in the INBOX within 120 s; see " + workingDirectory.resolve("james.log"));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> bounce : bounces.entrySet()) {
            Path file = out.resolve(bounce.getKey());
            Files.write(file, bounce.getValue());
            written.add(file);
        }
        System.out.println();
        System.out.println("Bounces written (open them in any mail client):");
        written.forEach(file -> System.out.println("  " + file.toAbsolutePath()));
        System.out.println();
        System.out.println("What the first one says (text part):");
        System.out.println("------------------------------------------------------------------------");
        System.out.println(textPart(new MimeMessage(session, new ByteArrayInputStream(bounces.values().iterator().next()))));
        System.out.println("------------------------------------------------------------------------");
        // What the admin learns: the postmaster's alert (the blocklisted address), the counters, the health check.
        List<Path> adminFiles = adminView(session, james, out);
        System.out.println();
        System.out.println("What the admin gets (the postmaster's alert, /metrics, /healthcheck):");
        adminFiles.forEach(file -> System.out.println("  " + file.toAbsolutePath()));
        if (bounces.size() < SCENARIOS.size()) {
            System.out.println("Only " + bounces.size() + " of " + SCENARIOS.size() + " bounces arrived; see " + workingDirectory.resolve("james.log"));
        }
        if (exitWhenDone) {
            exit(bounces.size() == SCENARIOS.size() ? 0 : 1);
        }
        System.out.println();
        System.out.println("James keeps running so that you can read the bounces in a mail client (IMAP, no encryption):");
        System.out.println("  IMAP server: 127.0.0.1   port: " + james.imapPort());
        System.out.println("  SMTP server: 127.0.0.1   port: " + james.smtpPort());
        System.out.println("  user: " + USER + "   password: " + PASSWORD);
        System.out.println("Press Ctrl-C to stop.");
        stop.await();
    }

    private static Properties properties(DeployedJames james) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(james.smtpPort()));
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(james.imapPort()));
        // A read that hangs (James dropping an IMAP connection) fails and is read again, never blocks the demo.
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "20000");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        return properties;
    }

    /**
     * postmaster-alert.eml (read over IMAP from the postmaster's mailbox), metrics.txt (the maelezo
     * lines of web admin's /metrics) and healthcheck.json (/healthcheck), in the output folder.
     */
    private static List<Path> adminView(Session session, DeployedJames james, Path out) throws Exception {
        List<Path> files = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (files.isEmpty() && Instant.now().isBefore(deadline)) {
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", james.imapPort(), POSTMASTER, PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                if (inbox.getMessageCount() > 0) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    inbox.getMessage(1).writeTo(bytes);
                    files.add(Files.write(out.resolve("postmaster-alert.eml"), bytes.toByteArray()));
                }
                inbox.close(false);
            } catch (IOException | MessagingException e) {
                System.out.println("(reading the postmaster's INBOX over IMAP failed: " + e.getMessage() + "; reading it again)");
                files.clear();
            }
            if (files.isEmpty()) {
                Thread.sleep(500);
            }
        }
        StringBuilder metrics = new StringBuilder();
        james.webadminGet("/metrics").lines().filter(line -> line.contains("maelezo_")).forEach(line -> metrics.append(line).append('\n'));
        files.add(Files.writeString(out.resolve("metrics.txt"), metrics.toString(), StandardCharsets.UTF_8));
        files.add(Files.writeString(out.resolve("healthcheck.json"), james.webadminGet("/healthcheck"), StandardCharsets.UTF_8));
        return files;
    }

    /** The bounces in the user's INBOX, in the order of SCENARIOS, named after them, once all arrived or the time is up. */
    private static Map<String, byte[]> awaitBounces(Session session, DeployedJames james, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, byte[]> bounces = new TreeMap<>();
        while (Instant.now().isBefore(deadline)) {
            bounces.clear();
            try (Store store = session.getStore("imap")) {
                store.connect("127.0.0.1", james.imapPort(), USER, PASSWORD);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    message.writeTo(bytes);
                    String raw = bytes.toString(StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < SCENARIOS.size(); i++) {
                        if (raw.contains(SCENARIOS.get(i)[0])) {
                            bounces.put(String.format("%02d-%s.eml", i + 1, slug(SCENARIOS.get(i)[2])), bytes.toByteArray());
                        }
                    }
                }
                inbox.close(false);
            } catch (IOException | MessagingException e) {
                // James once closed the IMAP connection while a bounce was being stored: read again.
                System.out.println("(reading the INBOX over IMAP failed: " + e.getMessage() + "; reading it again)");
                bounces.clear();
            }
            if (bounces.size() >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return bounces;
    }

    private static String slug(String subject) {
        return subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String textPart(MimeMessage bounce) throws Exception {
        MimeMultipart report = (MimeMultipart) bounce.getContent();
        BodyPart human = report.getBodyPart(0);
        if (human.getContent() instanceof MimeMultipart) {
            return (String) ((MimeMultipart) human.getContent()).getBodyPart(0).getContent();
        }
        return String.valueOf(human.getContent());
    }

    private static String valueAfter(String[] args, String flag, String byDefault) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        return byDefault;
    }
}
