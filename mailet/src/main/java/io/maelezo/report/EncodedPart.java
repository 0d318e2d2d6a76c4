package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Optional;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeUtility;
import javax.mail.util.ByteArrayDataSource;
import javax.mail.util.SharedByteArrayInputStream;

/**
 * Parts whose content is encoded once, when they are made, with javax.mail's own encoders
 * ({@link MimeUtility}): the explanation's text and HTML, the report's delivery-status and header
 * parts, a repaired delivery-status. James copies a message whenever a mailet sets it, and a part
 * built with setText would be encoded again at every copy.
 */
final class EncodedPart {
    private EncodedPart() {
    }

    /**
     * A text part encoded once, here: James copies a message whenever a mailet sets it, and each
     * copy of a part built with setText would run the text through the activation framework and
     * the encoder again. The encoding is the one javax.mail itself would choose: 7bit for what
     * is plain ASCII in short lines (most explanations: readable as they are in the raw message,
     * and nothing to encode), quoted-printable when there is a little more, base64 when mostly not.
     */
    static MimeBodyPart text(String subtype, String content) throws MessagingException, IOException {
        return of("text/" + subtype + "; charset=UTF-8", content);
    }

    /** A part of this type holding this text, encoded as {@link #text} says. */
    static MimeBodyPart of(String type, String content) throws MessagingException, IOException {
        byte[] body = sevenBitLines(content);
        String encoding = "7bit";
        if (body == null) {
            byte[] canonical = content.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            encoding = MimeUtility.getEncoding(new ByteArrayDataSource(canonical, type));
            ByteArrayOutputStream encoded = new ByteArrayOutputStream(canonical.length + canonical.length / 8);
            try (OutputStream encoder = MimeUtility.encode(encoded, encoding)) {
                encoder.write(canonical);
            }
            body = encoded.toByteArray();
        }
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", type);
        headers.setHeader("Content-Transfer-Encoding", encoding);
        return KeptPart.of(headers, new SharedByteArrayInputStream(body));
    }

    /**
     * The text as 7bit data (RFC 2045, 2.7) with CRLF line ends; null when it is not 7bit: a
     * character outside ASCII, a NUL, a CR of its own, a line over 998 characters. This runs over
     * every explanation James delivers, so the JDK does the scanning and copying, many bytes at a
     * time: String's {@code indexOf} finds the line ends, {@code getBytes} copies ASCII text as it
     * is, and each line is copied whole. (A loop over each character, or {@code replace("\n",
     * "\r\n")}, was a tenth of what decorating costs.)
     */
    static byte[] sevenBitLines(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            return null;
        }
        byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
        if (ascii.length != text.length()) {
            return null; // a character outside ASCII takes more than one byte in UTF-8
        }
        int lines = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
            lines++;
        }
        byte[] crlf = new byte[ascii.length + lines];
        int from = 0;
        int to = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
            if (end - from > 998) {
                return null;
            }
            System.arraycopy(ascii, from, crlf, to, end - from);
            to += end - from;
            crlf[to++] = '\r';
            crlf[to++] = '\n';
            from = end + 1;
        }
        if (ascii.length - from > 998) {
            return null;
        }
        System.arraycopy(ascii, from, crlf, to, ascii.length - from);
        return crlf;
    }

    /** The same part, same headers, with new content in the part's own transfer encoding. */
    static BodyPart withContent(BodyPart original, byte[] decoded) {
        try {
            InternetHeaders headers = new InternetHeaders();
            Enumeration<?> lines = ((MimeBodyPart) original).getAllHeaderLines();
            while (lines.hasMoreElements()) {
                headers.addHeaderLine((String) lines.nextElement());
            }
            String encoding = Optional.ofNullable(((MimeBodyPart) original).getEncoding()).orElse("7bit");
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (OutputStream out = MimeUtility.encode(encoded, encoding)) {
                out.write(decoded);
            }
            return KeptPart.of(headers, new ByteArrayInputStream(encoded.toByteArray()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot rewrite the delivery-status part", e);
        }
    }
}
