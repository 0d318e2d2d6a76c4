package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.mail.internet.MimeMultipart;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What no other bounce tells a person, on a real James 3.8.1 (config/mailetcontainer.xml with the
 * test overlay and supportContact set as an admin would; ownHosts left at its default): one tap to
 * ask for help, "did you mean ...?", and "you probably did not send this" for a bounce of mail that
 * never passed through this James.
 */
class HelpOnRealJamesTest {
    private static final String SUPPORT = "msaada@" + JamesEnvironment.DOMAIN;
    static final RejectingSmtpServer REMOTE = RejectingSmtpServer.start()
        .reject("hayupo@remote.example", "550 5.1.1 <hayupo@remote.example>: Recipient address rejected: User unknown in virtual mailbox table")
        .reject("asha@gmial.com", "550 5.1.2 <asha@gmial.com>: Recipient address rejected: Domain not found")
        .reject("kikoa1@remote.example", "550 5.1.8 <tumaini@" + JamesEnvironment.DOMAIN + ">: Sender address rejected: Domain not found")
        .reject("kikoa2@remote.example", "550 5.1.8 <tumaini@" + JamesEnvironment.DOMAIN + ">: Sender address rejected: Domain not found");

    @RegisterExtension
    static JamesServerExtension james = InProcessJames.extension(0, TestOverlay.gatewayTo(REMOTE.port())
        .withParameter("io.maelezo.james.ExplainedDSNBounce", "supportContact", SUPPORT)
        .withParameter("io.maelezo.james.DecorateBounce", "supportContact", SUPPORT));

    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200));

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    private static String user(GuiceJamesServer server, String name) throws Exception {
        String user = name + "@" + JamesEnvironment.DOMAIN;
        server.getProbe(DataProbeImpl.class).fluent().addUser(user, "secret");
        return user;
    }

    private static void send(GuiceJamesServer server, String sender, String recipient, String subject) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(JamesEnvironment.DOMAIN)) {
            smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
                .sendMessageWithHeaders(sender, recipient, "From: " + sender + "\r\nTo: " + recipient
                    + "\r\nSubject: " + subject + "\r\n\r\nHabari, tutaonana kesho.\r\n");
        }
    }

    private static BounceParts firstMessage(GuiceJamesServer server, String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                .login(user, "secret")
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
            return new BounceParts(ImapFetch.message(imap.readFirstMessage()));
        }
    }

    @Test
    void theAskForHelpStepIsOneTapThatOpensAPreparedMailToTheProvider(GuiceJamesServer server) throws Exception {
        String sender = user(server, "pendo");
        send(server, sender, "hayupo@remote.example", "Ratiba");
        BounceParts bounce = firstMessage(server, sender);

        assertThat(bounce.text()).contains("wasiliana na mtoa huduma wako wa barua pepe: " + SUPPORT);
        Element link = Jsoup.parse(bounce.html()).selectFirst("ol li a[href^=mailto:]");
        assertThat(link).as("the help step is a mailto: link").isNotNull();
        assertThat(link.text()).contains(SUPPORT);
        String href = link.attr("href");
        assertThat(href).startsWith("mailto:" + SUPPORT + "?subject=").hasSizeLessThanOrEqualTo(2000);
        String prepared = URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(prepared).contains("Naomba msaada: barua pepe yangu kwa hayupo@remote.example")
            .contains("haikufika").contains("550 5.1.1").doesNotContain("virtual mailbox table");
    }

    @Test
    void aDomainThatDoesNotExistIsOfferedTheWellKnownOneFirst(GuiceJamesServer server) throws Exception {
        String sender = user(server, "asha");
        send(server, sender, "asha@gmial.com", "Picha");
        BounceParts bounce = firstMessage(server, sender);

        String text = bounce.text();
        assertThat(text).contains("Je, ulimaanisha asha@gmail.com? Uliandika asha@gmial.com.");
        assertThat(text.indexOf("Je, ulimaanisha")).isLessThan(text.indexOf("Nini kilitokea?"));
        assertThat(text).contains("Did you mean asha@gmail.com?");
        assertThat(Jsoup.parse(bounce.html()).text()).contains("Je, ulimaanisha asha@gmail.com?");
    }

    private static long count(GuiceJamesServer server, String user) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            return imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                .getMessageCount(TestIMAPClient.INBOX);
        }
    }

    private static javax.mail.internet.MimeMessage message(GuiceJamesServer server, String user, int number) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort()).login(user, "secret")
                .select(TestIMAPClient.INBOX);
            return ImapFetch.message(imap.sendCommand("FETCH " + number + " (BODY[])"));
        }
    }

    @Test
    void remoteServersThatDoNotFindThisServersOwnDomainInDnsTellThePostmasterAndLaterBouncesSaySo(GuiceJamesServer server)
        throws Exception {
        String postmaster = user(server, "postmaster");
        String sender = user(server, "tumaini");
        send(server, sender, "kikoa1@remote.example", "Kwanza");
        AWAIT.until(() -> count(server, sender) == 1);
        send(server, sender, "kikoa2@remote.example", "Pili");
        AWAIT.until(() -> count(server, sender) == 2);

        AWAIT.until(() -> count(server, postmaster) >= 1);
        assertThat(count(server, postmaster)).as("one alert, not one per bounce").isEqualTo(1);
        javax.mail.internet.MimeMessage alert = message(server, postmaster, 1);
        assertThat(alert.getSubject()).isEqualTo("[maelezo] This server's mail is refused: " + JamesEnvironment.DOMAIN + " (remote.example)");
        assertThat((String) alert.getContent()).contains("cannot find this server's sending domain, " + JamesEnvironment.DOMAIN + ", in DNS")
            .contains("haiwezi kukipata kwenye DNS kikoa " + JamesEnvironment.DOMAIN);

        String first = new BounceParts(message(server, sender, 1)).text();
        String second = new BounceParts(message(server, sender, 2)).text();
        assertThat(first).contains("seva ya mpokeaji haikupata kikoa cha anwani yako mwenyewe")
            .contains("Tuma taarifa hii yote kwa mtoa huduma wako wa barua pepe, umwombe aangalie mipangilio ya DNS");
        assertThat(second).as("the administrator knows: the reader is not also asked to forward it")
            .contains("tayari amearifiwa").doesNotContain("Tuma taarifa hii yote kwa mtoa huduma wako");
    }

    @Test
    void aBounceOfMailThatNeverPassedThroughThisJamesSaysYouProbablyDidNotSendIt(GuiceJamesServer server) throws Exception {
        String user = user(server, "halima");
        String forgedOriginal = "Received: from mx.spam-sender.example (mx.spam-sender.example [198.51.100.3]) by mx.remote.example; "
            + "Thu, 3 Dec 2026 10:00:01 +0000\r\n"
            + "Received: from [203.0.113.9] by mx.spam-sender.example (Postfix); Thu, 3 Dec 2026 10:00:00 +0000\r\n"
            + "From: " + user + "\r\nTo: stranger@remote.example\r\nSubject: Cheap pills\r\nMessage-ID: <x1@spam-sender.example>\r\n"
            + "\r\nBuy now\r\n";
        RemoteBounces.send(server, user, RemoteBounces.report(user, "forged-1", "stranger@remote.example", forgedOriginal));
        BounceParts bounce = firstMessage(server, user);

        assertThat(bounce.text()).startsWith("Huenda taarifa hii inahusu barua pepe ambayo hukuituma")
            .contains("Usifungue viambatisho").contains("You probably did not send this email");
        assertThat(bounce.report.getCount()).as("every part kept").isEqualTo(3);
        assertThat(new String(bounce.attachedOriginal(), StandardCharsets.UTF_8)).contains("Subject: Cheap pills");
    }

    @Test
    void aBounceOfMailALocalUserReallySentThroughThisJamesIsNotFlagged(GuiceJamesServer server) throws Exception {
        String user = user(server, "baraka");
        send(server, user, "kubali@remote.example", "Mkataba");
        AWAIT.until(() -> REMOTE.accepted().stream().anyMatch(mail -> new String(mail, StandardCharsets.UTF_8).contains("Subject: Mkataba")));
        String sent = REMOTE.accepted().stream().map(mail -> new String(mail, StandardCharsets.UTF_8))
            .filter(mail -> mail.contains("Subject: Mkataba")).findFirst().orElseThrow();
        assertThat(sent).as("James wrote its Received line").contains("Received:");

        // The remote server accepted it, then could not deliver it: it sends back a report with the mail as it got it.
        RemoteBounces.send(server, user, RemoteBounces.report(user, "real-1", "kubali@remote.example", sent));
        BounceParts bounce = firstMessage(server, user);

        assertThat(bounce.text()).startsWith("Barua pepe yako haikufika").doesNotContain("hukuituma");
        assertThat(((MimeMultipart) bounce.message.getContent()).getCount()).isEqualTo(3);
    }
}
