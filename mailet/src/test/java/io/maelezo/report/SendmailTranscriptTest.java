package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;

/**
 * In a Sendmail transcript, what a server said of a recipient stands above the recipient's own
 * line: each recipient gets its own server's words, never the next recipient's; a server's final
 * refusal ("<<< 5xx") is the reply, not sendmail's note on the connection after it.
 */
class SendmailTranscriptTest {
    private static final BounceReader READER = BounceReader.load();
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()));

    // The layout of sendmail's usersmtp.c and savemail.c (as in the shared sample lhost-v5sendmail-07).
    private static final String TRANSCRIPT = "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.co.tz>\n"
        + "To: juma@example.co.tz\nSubject: Returned mail: see transcript for details\n\n"
        + "   ----- Transcript of session follows -----\n"
        + "While talking to mailin1.example.org:\n"
        + ">>> MAIL From:<juma@example.co.tz>\n"
        + "<<< 501 <juma@example.co.tz>... no access from mail server [192.0.2.55] which is an open relay.\n"
        + "554 <asha@example.org>... Remote protocol error\n"
        + "550 example.net (smtp)... 550 Host unknown\n"
        + "554 <neema@example.net>... 550 Host unknown (Authoritative answer from name server)\n"
        + "While talking to smtp.example.com:\n"
        + ">>> QUIT\n"
        + "<<< 421 smtp.example.com Sorry, unable to contact destination SMTP daemon.\n"
        + "While talking to mail.example.ac.tz:\n"
        + ">>> RCPT To:<baraka@example.ac.tz>\n"
        + "<<< 550 Requested User Mailbox not found. No such user here.\n"
        + "550 <baraka@example.ac.tz>... User unknown\n\n"
        + "   ----- Unsent message follows -----\n";

    @Test
    void aRefusalIsTheServersWordsNotWhatHappenedToTheConnectionAfterIt() throws Exception {
        // The layout of the shared sample lhost-v5sendmail-05.
        List<String> read = read("From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.co.tz>\n"
            + "To: juma@example.co.tz\nSubject: Returned mail: see transcript for details\n\n"
            + "   ----- Transcript of session follows -----\n"
            + "While talking to example.edu:\n>>> DATA\n"
            + "<<< 550 Your E-Mail is redundant.  You cannot send E-Mail to yourself (juma@example.co.tz).\n"
            + "421 example.edu (smtp)... Deferred: Connection reset by peer during result wait with example.edu\n"
            + "554 <asha@example.edu>... Remote protocol error: Connection reset by peer during result wait with example.edu\n"
            + "550 example.net (smtp)... 550 Host unknown\n"
            + "554 <neema@example.net>... 550 Host unknown (Authoritative answer from name server)\n\n"
            + "   ----- Unsent message follows -----\nTo: asha@example.edu, neema@example.net\nSubject: Habari\n\nHabari\n");

        assertThat(read).containsExactly(
            "asha@example.edu policy | 550 Your E-Mail is redundant. You cannot send E-Mail to yourself (juma@example.co.tz).",
            "neema@example.net domain-unknown | 550 example.net (smtp)... 550 Host unknown 554 <neema@example.net>... 550 Host unknown "
                + "(Authoritative answer from name server)");
    }

    @Test
    void eachRecipientGetsTheWordsAboveItsOwnLine() throws Exception {
        List<String> read = read(TRANSCRIPT);

        assertThat(read).containsExactly(
            "asha@example.org blocklisted | 501 <juma@example.co.tz>... no access from mail server [192.0.2.55] which is an open relay.",
            "neema@example.net domain-unknown | 550 example.net (smtp)... 550 Host unknown 554 <neema@example.net>... 550 Host unknown "
                + "(Authoritative answer from name server)",
            "baraka@example.ac.tz mailbox-unknown | 550 Requested User Mailbox not found. No such user here.");
    }

    private static List<String> read(String mail) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(mail.getBytes(StandardCharsets.US_ASCII)));
        BounceReport report = READER.read(message).orElseThrow();
        List<String> read = new ArrayList<>();
        for (Failure failure : report.failures()) {
            var classification = DECORATOR.verdict(failure, Optional.empty(), report).classification();
            read.add(failure.recipient() + " " + classification.category().id() + " | " + classification.diagnostic().text());
        }
        return read;
    }
}
