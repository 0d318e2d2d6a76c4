package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** Which recipients a bounce told in plain text names: one per entry, never the same entry twice. */
class TextBounceRecipientsTest {
    private static final BounceReader READER = BounceReader.load();

    private static MimeMessage bounce(String body) throws Exception {
        String mail = "From: Mail Delivery System <mailer-daemon@mx.example.org>\n"
            + "To: sender@example.org\n"
            + "Subject: Mail failure - malformed recipient address\n"
            + "Auto-Submitted: auto-replied\n\n"
            + body;
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAddressWrittenAsTheDisplayNameOfAnotherIsOneEntryNamedByTheAngleAddress() throws Exception {
        MimeMessage message = bounce("A message that you sent contained one or more recipient addresses that were\n"
            + "incorrectly constructed:\n\n"
            + "  kijitora@example.com <neko@example.net>: malformed address: <neko@example.net> may not follow kijitora@example.com\n\n"
            + "This address has been ignored.\n");

        assertThat(READER.read(message).orElseThrow().failures()).extracting(Failure::recipient).containsExactly("neko@example.net");
    }

    @Test
    void anAddressWrittenAgainInAngleBracketsIsStillItsRecipient() throws Exception {
        MimeMessage message = bounce("This message was created automatically by mail delivery software.\n\n"
            + "A message that you sent could not be delivered to one or more of its recipients.\n\n"
            + "  amina@example.net <amina@example.net>: 550 5.1.1 User unknown\n");

        assertThat(READER.read(message).orElseThrow().failures()).extracting(Failure::recipient).containsExactly("amina@example.net");
    }

    @Test
    void twoRecipientsOnTheirOwnLinesAreStillTwo() throws Exception {
        MimeMessage message = bounce("This message was created automatically by mail delivery software.\n\n"
            + "A message that you sent could not be delivered to one or more of its\n"
            + "recipients. This is a permanent error. The following address(es) failed:\n\n"
            + "  first@example.net\n    host mx.example.net [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<first@example.net>:\n"
            + "    550 5.1.1 User unknown\n"
            + "  second@example.net <third@example.net>\n    host mx.example.net [192.0.2.1]: 550 5.1.1 User unknown\n");

        assertThat(READER.read(message).orElseThrow().failures()).extracting(Failure::recipient)
            .containsExactly("first@example.net", "third@example.net");
    }
}
