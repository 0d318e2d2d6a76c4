package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;

/**
 * A text bounce's subject counts as a reason only for what it says beyond announcing a bounce:
 * "Mail System Error - Returned Mail" is no server error, "Undeliverable: Mailbox full" is a full
 * mailbox.
 */
class BounceSubjectTest {
    private static final BounceReader READER = BounceReader.load();
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()));

    @Test
    void aSubjectThatOnlyAnnouncesABounceIsNotTakenForItsReason() throws Exception {
        // EZweb's wording (shared sample lhost-ezweb-01): the recipient's own filter refused the mail.
        String category = categoryOf("Mail System Error - Returned Mail",
            "<asha@ezweb.example.jp>\n\nEach of the following recipients was rejected by a remote mail server.\n");

        assertThat(category).isEqualTo("policy");
    }

    @Test
    void aSubjectThatNamesTheReasonStillSpeaksWhenTheTextDoesNot() throws Exception {
        String category = categoryOf("Undeliverable: Mailbox full",
            "Your message could not be delivered to the following recipient:\n\n<asha@example.org>\n");

        assertThat(category).isEqualTo("mailbox-full");
    }

    private static String categoryOf(String subject, String body) throws Exception {
        String mail = "From: MAILER-DAEMON@mx.example.org\nTo: juma@example.net\nSubject: " + subject
            + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n" + body;
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(mail.getBytes(StandardCharsets.US_ASCII)));
        BounceReport report = READER.read(message).orElseThrow();
        assertThat(report.failures()).hasSize(1);
        return DECORATOR.verdict(report.failures().get(0), Optional.empty(), report).classification().category().id();
    }
}
