package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimePart;
import javax.mail.internet.MimePartDataSource;
import javax.mail.internet.MimeUtility;
import javax.mail.internet.ParseException;

/**
 * Reading parts straight from their streams, as javax.mail's own MimeMultipart and MimeUtility
 * do, rather than through getContent(): that one looks up a content handler in the activation
 * framework at every call (slow) and fails on a charset it does not know (a remote server's bounce
 * may name any).
 */
final class MimeParts {
    /** The one session maelezo builds messages in (never sends with): javax.mail reads its resources for each new one. */
    static final Session SESSION = Session.getInstance(new Properties());

    private static final int MAX_TEXT = 64 * 1024;

    private MimeParts() {
    }

    /**
     * A part's Content-Type read once for the several questions asked of it ({@code isMimeType}
     * parses it again at every call). When it does not parse, each question goes to the part
     * itself, which then compares what it can.
     */
    static final class Type {
        private final Part part;
        private final ContentType parsed;

        private Type(Part part, ContentType parsed) {
            this.part = part;
            this.parsed = parsed;
        }

        static Type of(Part part) throws MessagingException {
            try {
                return new Type(part, new ContentType(part.getContentType()));
            } catch (ParseException e) {
                return new Type(part, null);
            }
        }

        boolean is(String... mimeTypes) throws MessagingException {
            for (String mimeType : mimeTypes) {
                if (parsed != null ? matches(parsed, mimeType) : part.isMimeType(mimeType)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The types this code asks about ("multipart/report", "text/*", ...), each parsed once:
     * {@code ContentType.match(String)} parses its argument at every call. Only the literal types
     * of this package go in, so the map stays as small as they are few.
     */
    private static final Map<String, ContentType> ASKED = new ConcurrentHashMap<>();

    /** As {@code type.match(mimeType)} (a "*" subtype matches any), without parsing mimeType again. */
    static boolean matches(ContentType type, String mimeType) {
        ContentType asked = ASKED.computeIfAbsent(mimeType, literal -> {
            try {
                return new ContentType(literal);
            } catch (ParseException e) {
                throw new IllegalArgumentException("not a MIME type: " + literal, e);
            }
        });
        return type.match(asked);
    }

    /** The parts of a multipart part; empty when the part is not a multipart. */
    static Optional<Multipart> multipart(Part part) throws MessagingException, IOException {
        if (!part.isMimeType("multipart/*")) {
            return Optional.empty();
        }
        if (part instanceof MimePart) {
            return Optional.of(new MimeMultipart(new MimePartDataSource((MimePart) part)));
        }
        Object content = part.getContent();
        return content instanceof Multipart ? Optional.of((Multipart) content) : Optional.empty();
    }

    /** A text part's words, decoded by its charset (UTF-8 when it names none Java knows), bounded. */
    static String text(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_TEXT);
        }
        return new String(bytes, charset(part));
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                return Charset.forName(MimeUtility.javaCharset(name.trim()));
            }
            return StandardCharsets.US_ASCII;
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * A message file with each bare CR (one not followed by LF, as old Mac mail programs ended
     * lines; RFC 5322 allows none) made a CRLF: javax.mail finds no header end or MIME boundary
     * otherwise. A file without a bare CR is returned as it is.
     */
    static byte[] withLineFeeds(byte[] message) {
        int bare = 0;
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\r' && (i + 1 == message.length || message[i + 1] != '\n')) {
                bare++;
            }
        }
        if (bare == 0) {
            return message;
        }
        byte[] fixed = new byte[message.length + bare];
        int at = 0;
        for (int i = 0; i < message.length; i++) {
            fixed[at++] = message[i];
            if (message[i] == '\r' && (i + 1 == message.length || message[i + 1] != '\n')) {
                fixed[at++] = '\n';
            }
        }
        return fixed;
    }
}
