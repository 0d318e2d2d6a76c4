package io.maelezo.report;

import java.io.IOException;
import java.io.OutputStream;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.internet.MimePart;

/**
 * A multipart set as the content of a part, written straight by the multipart itself. What
 * {@code setContent(multipart)} does, except for writing: javax.mail's own handler asks the
 * activation framework for the writer of "multipart/..." each time the part is written (a
 * synchronized look-up through the mailcap files), and James writes every message a mailet sets.
 */
final class MultipartContent extends DataHandler {
    private final Multipart multipart;

    private MultipartContent(Multipart multipart) {
        super(multipart, multipart.getContentType());
        this.multipart = multipart;
    }

    /** As {@code part.setContent(multipart)}. */
    static void set(MimePart part, Multipart multipart) throws MessagingException {
        part.setDataHandler(new MultipartContent(multipart));
        multipart.setParent(part);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            multipart.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write the " + multipart.getContentType() + " part", e);
        }
    }
}
