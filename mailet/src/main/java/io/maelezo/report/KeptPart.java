package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.SharedInputStream;

/**
 * A part of the original bounce carried into the decorated one exactly as it was: its header
 * lines and its raw content, never parsed, re-encoded or "updated" on save (javax.mail would
 * otherwise parse its Content-Type, and fail on a malformed one). When the original was read
 * from a shared stream (as James reads messages), the content is that stream, not a copy.
 */
final class KeptPart extends MimeBodyPart {
    private KeptPart() {
    }

    static KeptPart of(BodyPart original) throws MessagingException, IOException {
        KeptPart kept = new KeptPart();
        kept.headers = new InternetHeaders();
        Enumeration<?> lines = original.getAllHeaders();
        if (original instanceof MimeBodyPart) {
            lines = ((MimeBodyPart) original).getAllHeaderLines();
            while (lines.hasMoreElements()) {
                kept.headers.addHeaderLine((String) lines.nextElement());
            }
            kept.setRaw(((MimeBodyPart) original).getRawInputStream());
        } else {
            while (lines.hasMoreElements()) {
                javax.mail.Header header = (javax.mail.Header) lines.nextElement();
                kept.headers.addHeader(header.getName(), header.getValue());
            }
            kept.setRaw(original.getInputStream());
        }
        return kept;
    }

    /** A part with these header lines and this raw (still encoded) content. */
    static KeptPart of(InternetHeaders headers, InputStream raw) throws IOException {
        KeptPart kept = new KeptPart();
        kept.headers = headers;
        kept.setRaw(raw);
        return kept;
    }

    private void setRaw(InputStream raw) throws IOException {
        if (raw instanceof SharedInputStream) {
            contentStream = raw;
        } else {
            try (InputStream in = raw) {
                content = in.readAllBytes();
            }
        }
    }

    @Override
    protected void updateHeaders() {
        // Kept as it came: no header of this part is recomputed.
    }
}
