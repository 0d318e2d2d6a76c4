package io.maelezo.report;

import java.io.IOException;
import java.io.OutputStream;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimePart;

/**
 * A whole message as the content of a {@code message/rfc822} part, written straight from the
 * message (as {@link MultipartContent} does for a multipart): streamed when the part is written,
 * never copied into the part, so a large original costs no memory here.
 */
final class MessageContent extends DataHandler {
    private final MimeMessage message;

    private MessageContent(MimeMessage message) {
        super(message, "message/rfc822");
        this.message = message;
    }

    /** As {@code part.setContent(message, "message/rfc822")}. */
    static void set(MimePart part, MimeMessage message) throws MessagingException {
        part.setDataHandler(new MessageContent(message));
        part.setHeader("Content-Type", "message/rfc822");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write the attached original", e);
        }
    }
}
