package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/** Checks that a decorated bounce still holds every part of the original, byte for byte. */
final class OriginalParts {
    private OriginalParts() {
    }

    public static void assertKept(byte[] original, MimeMessage decoratedMessage, String name) throws Exception {
        MimeMessage decorated = Dsn.roundTrip(decoratedMessage);
        MimeMultipart parts = (MimeMultipart) decorated.getContent();
        assertThat(parts.getBodyPart(0).isMimeType("multipart/alternative")).as(name).isTrue();
        MimeMessage before = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original));
        if (decorated.isMimeType("multipart/report")) {
            // Every part but the human-readable one is still there, byte for byte.
            // Read as maelezo reads it: a Content-Type with an RFC 822 comment ("(x) multipart/report")
            // is a multipart to javax.mail's parser, but getContent() gives a stream for it.
            javax.mail.Multipart originalParts = MimeParts.multipart(before).orElseThrow();
            for (int i = 1; i < originalParts.getCount(); i++) {
                BodyPart part = originalParts.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    continue; // its Status: may be repaired; DeliveryStatusTest checks the other bytes
                }
                byte[] expected = raw(part);
                boolean kept = false;
                for (int j = 1; j < parts.getCount(); j++) {
                    kept |= Arrays.equals(raw(parts.getBodyPart(j)), expected);
                }
                assertThat(kept).as(name + " part " + i + " " + part.getContentType()).isTrue();
            }
        } else {
            // A bounce in its own format is kept whole after the explanation.
            try (InputStream body = before.getRawInputStream()) {
                assertThat(raw(parts.getBodyPart(parts.getCount() - 1))).as(name).isEqualTo(body.readAllBytes());
            }
        }
    }

    static byte[] raw(BodyPart part) throws Exception {
        try (InputStream in = ((MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        } catch (javax.mail.MessagingException e) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            part.writeTo(out);
            return out.toByteArray();
        }
    }
}
