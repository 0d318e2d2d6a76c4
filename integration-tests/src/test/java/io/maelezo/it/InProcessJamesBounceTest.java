package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

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
 * A real James 3.8.1 memory server, in this JVM, running config/mailetcontainer.xml (with the test
 * overlay only) and maelezo: a local user sends over SMTP, the local "remote" server refuses the
 * recipient, and the bounce read back over IMAP explains it in Swahili.
 */
class InProcessJamesBounceTest {
    static final String BLOCKLIST_REPLY = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
        + "zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1";
    static final String UNKNOWN_USER_REPLY = "550 5.1.1 <nobody@remote.example>: Recipient address rejected: "
        + "User unknown in virtual mailbox table";

    static final RejectingSmtpServer REMOTE = RejectingSmtpServer.start()
        .reject("rcpt@remote.example", BLOCKLIST_REPLY)
        .reject("nobody@remote.example", UNKNOWN_USER_REPLY)
        .reject("busy@remote.example", "451 4.3.0 Temporary local problem, please try again later")
        .reject("amejaa@remote.example", "550 5.2.2 <amejaa@remote.example>: Mailbox full, quota exceeded")
        .reject("hayupo@remote.example", "550 5.1.1 <hayupo@remote.example>: Recipient address rejected: User unknown in virtual mailbox table")
        .reject("orodha@remote.example", "554 5.7.1 Service unavailable; Client host [192.0.2.2] blocked using zen.spamhaus.org");

    @RegisterExtension
    static JamesServerExtension james = InProcessJames.extension(0, TestOverlay.gatewayTo(REMOTE.port()));

    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    private static BounceParts bounceOf(GuiceJamesServer server, String sender, String recipient, String subject) throws Exception {
        server.getProbe(DataProbeImpl.class).fluent().addUser(sender, "secret");
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders(sender, recipient, "From: " + sender + "\r\nTo: " + recipient
                    + "\r\nSubject: " + subject + "\r\n\r\nHabari, tutaonana kesho.\r\n");
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                .login(sender, "secret")
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
            String fetched = imap.readFirstMessage();
            java.nio.file.Path saved = java.nio.file.Path.of("target", "bounces", recipient.replace('@', '_') + ".eml");
            java.nio.file.Files.createDirectories(saved.getParent());
            java.nio.file.Files.write(saved, ImapFetch.rawMessage(fetched));
            return new BounceParts(ImapFetch.message(fetched));
        }
    }

    @Test
    void blocklistRejectionBecomesASwahiliExplanationWithTheOperatorAndItsPage(GuiceJamesServer server) throws Exception {
        BounceParts bounce = bounceOf(server, "amina@" + JamesEnvironment.DOMAIN, "rcpt@remote.example", "Mkutano wa kesho");

        assertThat(bounce.message.getSubject()).isEqualTo("Barua pepe haikufika: Mkutano wa kesho");
        assertThat(bounce.message.getContentType()).contains("multipart/report").contains("delivery-status");
        assertThat(bounce.human().isMimeType("multipart/alternative")).isTrue();

        String text = bounce.text();
        assertThat(text)
            .startsWith("Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia")
            .contains("orodha ya kuzuia (blocklist) ya Spamhaus")
            .contains("Tatizo si lako")
            .contains("Wasiliana na mpokeaji kwa njia nyingine (simu, SMS")
            .contains("Tuma taarifa hii yote kwa mtoa huduma wako wa barua pepe")
            .contains("https://check.spamhaus.org/results/?query=192.0.2.1")
            .contains("Hakuna seva itakayojaribu tena kuituma barua yako");
        // The remote server's own words, for admins, below the explanation.
        assertThat(text.indexOf("Maelezo ya kiufundi")).isGreaterThan(text.indexOf("Ufanye nini sasa?"));
        assertThat(text).contains("blocked using zen.spamhaus.org");
        // English follows for a support desk.
        assertThat(text).contains("Your email was not delivered: your provider's server is on a blocklist.");

        // In the HTML version the only link is the operator page from maelezo's data, never the URL
        // the remote server wrote.
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(bounce.html());
        assertThat(html.select("a[href]").eachAttr("href")).isNotEmpty().containsOnly("https://check.spamhaus.org/results/?query=192.0.2.1");
        assertThat(html.text()).contains("blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1");

        String status = bounce.deliveryStatus();
        assertThat(status)
            .contains("Final-Recipient: rfc822; rcpt@remote.example")
            .contains("Action: failed")
            .containsPattern("(?m)^Status: 5\\.7\\.1\\r?$")
            .contains("Diagnostic-Code: smtp; " + BLOCKLIST_REPLY);

        assertThat(new String(bounce.attachedOriginal(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("Subject: Mkutano wa kesho")
            .contains("Habari, tutaonana kesho.");
        assertThat(REMOTE.rejected()).contains("rcpt@remote.example");
    }

    @Test
    void unknownMailboxIsExplainedAsAnAddressThatDoesNotExist(GuiceJamesServer server) throws Exception {
        BounceParts bounce = bounceOf(server, "baraka@" + JamesEnvironment.DOMAIN, "nobody@remote.example", "Salamu");

        assertThat(bounce.text())
            .startsWith("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii.")
            .contains("Angalia anwani kwa makini");
        assertThat(bounce.deliveryStatus()).containsPattern("(?m)^Status: 5\\.1\\.1\\r?$");
    }

    @Test
    void aBounceFromAnotherServerArrivingOverSmtpIsExplainedToo(GuiceJamesServer server) throws Exception {
        String user = "neema@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        String qmailBounce = "From: MAILER-DAEMON@mx.remote.example\r\n"
            + "To: " + user + "\r\n"
            + "Subject: failure notice\r\n"
            + "Message-ID: <qmail-bounce-1@mx.remote.example>\r\n"
            + "\r\n"
            + "Hi. This is the qmail-send program at mx.remote.example.\r\n"
            + "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
            + "This is a permanent error; I've given up. Sorry it didn't work out.\r\n"
            + "\r\n"
            + "<mama@remote.example>:\r\n"
            + "552 5.2.2 Sorry, mama@remote.example's mailbox is full (quota exceeded).\r\n"
            + "\r\n"
            + "--- Below this line is a copy of the message.\r\n"
            + "\r\n"
            + "From: " + user + "\r\nTo: mama@remote.example\r\nSubject: Picha\r\n\r\nHabari mama.\r\n";
        RemoteBounces.send(server, user, qmailBounce);

        MimeMessageAndParts bounce = MimeMessageAndParts.read(server, user);

        assertThat(bounce.message.getSubject()).isEqualTo("Barua pepe haikufika: failure notice");
        assertThat(bounce.message.getContentType()).startsWith("multipart/mixed");
        javax.mail.internet.MimeMultipart parts = (javax.mail.internet.MimeMultipart) bounce.message.getContent();
        javax.mail.internet.MimeMultipart alternative = (javax.mail.internet.MimeMultipart) parts.getBodyPart(0).getContent();
        assertThat(((String) alternative.getBodyPart(0).getContent()).replaceAll("\\s+", " "))
            .startsWith("Barua pepe yako haikufika: sanduku la barua la mpokeaji limejaa.")
            .contains("mama@remote.example");
        // The other server's bounce is kept whole after the explanation.
        assertThat((String) parts.getBodyPart(1).getContent()).contains("Hi. This is the qmail-send program at mx.remote.example.");
    }

    @Test
    void aLargeRefusedMailComesBackLightAsItsHeadersAndTheNoticeSaysWhereTheMailIs(GuiceJamesServer server) throws Exception {
        String sender = "tatu@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(sender, "secret");
        String line = "Picha ya harusi, sehemu kwa sehemu: 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ\r\n";
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders(sender, "hayupo@remote.example", "From: " + sender + "\r\nTo: hayupo@remote.example"
                    + "\r\nSubject: Picha kubwa\r\n\r\n" + line.repeat(1_500_000 / line.length()));
        }
        BounceParts read;
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                .login(sender, "secret")
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
            read = new BounceParts(ImapFetch.message(imap.readFirstMessage()));
        }
        BounceParts bounce = read;

        assertThat(bounce.part("text/rfc822-headers")).as("the headers of the 1.5 MB mail, not the mail").isNotNull();
        assertThatThrownBy(() -> bounce.part("message/rfc822")).as("no copy of the mail itself").isInstanceOf(AssertionError.class);
        assertThat(bounce.message.getSize()).isLessThan(100_000);
        assertThat(bounce.text()).contains("Barua yako ilikuwa kubwa kuliko 1 MB, kwa hiyo taarifa hii inakurudishia sehemu ya juu tu").contains("folda ya barua ulizotuma (Sent)")
            .contains("Your email was larger than 1 MB, so this notice brings back only the top part");
    }

    @Test
    void fullMailboxIsExplainedAsTheRecipientsSide(GuiceJamesServer server) throws Exception {
        BounceParts bounce = bounceOf(server, "rehema@" + JamesEnvironment.DOMAIN, "amejaa@remote.example", "Picha za harusi");

        assertThat(bounce.human().isMimeType("multipart/alternative")).isTrue();
        assertThat(bounce.text())
            .startsWith("Barua pepe yako haikufika: sanduku la barua la mpokeaji limejaa.")
            .contains("Tatizo liko upande wa mpokeaji. Si kosa lako.");
        assertThat(bounce.deliveryStatus()).containsPattern("(?m)^Status: 5\\.2\\.2\\r?$");
        assertThat(new String(bounce.attachedOriginal(), java.nio.charset.StandardCharsets.UTF_8)).contains("Subject: Picha za harusi");
    }

    @Test
    void aReportOfTwoRecipientsWithTwoReasonsGetsTwoExplanationsAndKeepsItsMachineParts(GuiceJamesServer server) throws Exception {
        String user = "juma@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        String status = "Reporting-MTA: dns; mx.remote.example\r\n"
            + "Arrival-Date: Sun, 29 Nov 2026 10:00:00 +0300\r\n"
            + "\r\n"
            + "Final-Recipient: rfc822; full@remote.example\r\n"
            + "Action: failed\r\n"
            + "Status: 5.2.2\r\n"
            + "Diagnostic-Code: smtp; 552 5.2.2 <full@remote.example>: Mailbox full\r\n"
            + "\r\n"
            + "Final-Recipient: rfc822; gone@remote.example\r\n"
            + "Action: failed\r\n"
            + "Status: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <gone@remote.example>: User unknown\r\n";
        String original = "From: " + user + "\r\nTo: full@remote.example, gone@remote.example\r\nSubject: Mwaliko\r\n"
            + "Message-ID: <mwaliko@maelezo.test>\r\n\r\nKaribuni nyote.\r\n";
        String report = RemoteBounces.report(user, "Undelivered Mail Returned to Sender", "report-2",
            "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.\r\n", status, original);
        RemoteBounces.send(server, user, report);

        BounceParts bounce = new BounceParts(MimeMessageAndParts.read(server, user).message);

        assertThat(bounce.text())
            .contains("Barua pepe yako haikufika: sanduku la barua la mpokeaji limejaa. Barua yako haikufika kwa: full@remote.example")
            .contains("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii. Barua yako haikufika kwa: gone@remote.example");
        // The machine-readable parts read the same as the originals: field by field, and byte for byte.
        assertThat(bounce.deliveryStatus().replace("\r\n", "\n")).isEqualTo(status.replace("\r\n", "\n"));
        assertThat(new String(bounce.attachedOriginal(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"))
            .isEqualTo(original.replace("\r\n", "\n"));
    }

    @Test
    void aRemoteDelayNoticeTellsTheUserItHasNotArrivedYetAndNotToSendItAgain(GuiceJamesServer server) throws Exception {
        String user = "subira@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        String status = "Reporting-MTA: dns; mx.remote.example\r\n"
            + "Arrival-Date: Sun, 29 Nov 2026 10:00:00 +0300\r\n"
            + "\r\n"
            + "Final-Recipient: rfc822; polepole@far.example\r\n"
            + "Action: delayed\r\n"
            + "Status: 4.4.1\r\n"
            + "Diagnostic-Code: X-Postfix; connect to mx.far.example[198.51.100.9]:25: Connection timed out\r\n"
            + "Will-Retry-Until: Fri, 4 Dec 2026 10:00:00 +0300\r\n";
        String original = "From: " + user + "\r\nTo: polepole@far.example\r\nSubject: Harusi\r\n"
            + "Message-ID: <harusi@maelezo.test>\r\n\r\nKaribu harusini.\r\n";
        String report = RemoteBounces.report(user, "Delayed Mail (still being retried)", "report-3",
            "This is the mail system at host mx.remote.example.\r\n\r\n"
            + "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\r\n", status, original);
        RemoteBounces.send(server, user, report);

        BounceParts bounce = new BounceParts(MimeMessageAndParts.read(server, user).message);

        assertThat(bounce.message.getSubject()).startsWith("Barua pepe bado haijafika");
        for (String part : new String[] {bounce.text(), org.jsoup.Jsoup.parse(bounce.html()).text()}) {
            String words = part.replaceAll("\\s+", " ");
            assertThat(words).contains("Barua pepe yako bado haijafika").contains("Usiitume barua yako tena")
                .contains("Barua yako bado haijafika kwa: polepole@far.example")
                .contains("Your email has not arrived yet")
                .doesNotContain("haikufika").doesNotContain("Tuma barua tena").doesNotContain("was not delivered");
        }
        assertThat(bounce.deliveryStatus().replace("\r\n", "\n")).isEqualTo(status.replace("\r\n", "\n"));
    }

    /** A message read back over IMAP from a user's INBOX. */
    static final class MimeMessageAndParts {
        final javax.mail.internet.MimeMessage message;

        private MimeMessageAndParts(javax.mail.internet.MimeMessage message) {
            this.message = message;
        }

        static MimeMessageAndParts read(GuiceJamesServer server, String user) throws Exception {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                    .login(user, "secret")
                    .select(TestIMAPClient.INBOX)
                    .awaitMessage(AWAIT);
                return new MimeMessageAndParts(ImapFetch.message(imap.readFirstMessage()));
            }
        }
    }

    @Test
    void oneMailRefusedForTwoRecipientsForTwoReasonsBlamesNeitherForTheOthersReason(GuiceJamesServer server) throws Exception {
        String sender = "zawadi@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(sender, "secret");
        org.apache.commons.net.smtp.SMTPClient smtp = new org.apache.commons.net.smtp.SMTPClient();
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue());
        try {
            smtp.helo("client.maelezo.test");
            assertThat(smtp.setSender(sender)).isTrue();
            assertThat(smtp.addRecipient("hayupo@remote.example")).isTrue();
            assertThat(smtp.addRecipient("orodha@remote.example")).isTrue();
            assertThat(smtp.sendShortMessageData("From: " + sender + "\r\nTo: hayupo@remote.example, orodha@remote.example\r\n"
                + "Subject: Wawili\r\n\r\nHabari zenu.\r\n")).isTrue();
        } finally {
            smtp.disconnect();
        }

        BounceParts bounce = new BounceParts(MimeMessageAndParts.read(server, sender).message);

        // James keeps one reply for the whole mail; the report's machine part says it for both.
        String status = bounce.deliveryStatus();
        assertThat(status).contains("Final-Recipient: rfc822; hayupo@remote.example").contains("Final-Recipient: rfc822; orodha@remote.example");
        boolean keptTheUnknownMailbox = status.contains("Diagnostic-Code: smtp; 550 5.1.1 <hayupo@remote.example>");
        String named = keptTheUnknownMailbox ? "hayupo@remote.example" : "orodha@remote.example";
        String other = keptTheUnknownMailbox ? "orodha@remote.example" : "hayupo@remote.example";
        String text = bounce.text().replaceAll("\\s+", " ");
        String refusedToo = "Barua pepe yako haikufika: seva ya mpokeaji ilikataa anwani hii pia. Barua yako haikufika kwa: " + other;
        assertThat(text).contains(refusedToo);
        // The reason of the one reply James kept is told for the address it names, and for it only.
        String specific = keptTheUnknownMailbox ? "Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii. Barua yako haikufika kwa: " + named
            : "Barua pepe yako haikufika: seva ya mtoa huduma wako iko kwenye orodha ya kuzuia";
        assertThat(text).contains(specific);
        assertThat(text).doesNotContain("anwani hii. Barua yako haikufika kwa: " + other);
    }

    @Test
    void temporaryFailureThatJamesGaveUpOnIsExplainedAsExpired(GuiceJamesServer server) throws Exception {
        BounceParts bounce = bounceOf(server, "chausiku@" + JamesEnvironment.DOMAIN, "busy@remote.example", "Ripoti");

        assertThat(bounce.text()).startsWith("Barua pepe yako haikufika: muda wa kuwasilisha umekwisha.");
        assertThat(bounce.deliveryStatus()).containsPattern("(?m)^Status: 5\\.4\\.7\\r?$");
    }
}
