package io.maelezo.it;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.mail.BodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/** The parts of a decorated bounce, as a mail client sees them. */
final class BounceParts {
    final MimeMessage message;
    final MimeMultipart report;

    BounceParts(MimeMessage message) throws Exception {
        this.message = message;
        this.report = (MimeMultipart) message.getContent();
    }

    BodyPart human() throws Exception {
        return report.getBodyPart(0);
    }

    MimeMultipart alternative() throws Exception {
        return (MimeMultipart) human().getContent();
    }

    /** The plain-text explanation with its line wrapping undone, as a person reads it. */
    String text() throws Exception {
        return ((String) alternative().getBodyPart(0).getContent()).replaceAll("\\s+", " ");
    }

    String html() throws Exception {
        return (String) alternative().getBodyPart(1).getContent();
    }

    BodyPart part(String mimeType) throws Exception {
        for (int i = 0; i < report.getCount(); i++) {
            if (report.getBodyPart(i).isMimeType(mimeType)) {
                return report.getBodyPart(i);
            }
        }
        throw new AssertionError("the bounce has no " + mimeType + " part");
    }

    String deliveryStatus() throws Exception {
        try (InputStream in = part("message/delivery-status").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    byte[] attachedOriginal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((MimeMessage) part("message/rfc822").getContent()).writeTo(out);
        return out.toByteArray();
    }
}
