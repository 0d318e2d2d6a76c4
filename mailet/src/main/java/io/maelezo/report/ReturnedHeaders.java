package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeUtility;

/**
 * The headers of the original a bounce returns, as an attached part: {@code message/rfc822} or
 * {@code message/global} (the mail), {@code text/rfc822-headers} or {@code message/global-headers}
 * (its headers only), in the bounce's parts or one multipart down. Only what the forged-bounce check
 * reads: the Received lines (at most {@link #MAX_RECEIVED}) and the Message-ID. Untrusted.
 */
public final class ReturnedHeaders {
    static final int MAX_RECEIVED = 100;
    static final ReturnedHeaders NONE = new ReturnedHeaders(false, List.of(), Optional.empty());

    private final boolean found;
    private final List<String> received;
    private final Optional<String> messageId;

    private ReturnedHeaders(boolean found, List<String> received, Optional<String> messageId) {
        this.found = found;
        this.received = List.copyOf(received);
        this.messageId = messageId;
    }

    /** The returned original's headers in a bounce's body (its parts as read); none when it has no such part or it cannot be read. */
    static ReturnedHeaders of(Multipart body) {
        try {
            return find(body, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return NONE;
        }
    }

    private static ReturnedHeaders find(Multipart parts, int depth) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart child = parts.getBodyPart(i);
            // One parse of the part's type for the four questions (isMimeType parses it at each call).
            if (MimeParts.Type.of(child).is("message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers")) {
                return read(child);
            }
        }
        for (int i = 0; i < parts.getCount() && depth == 0; i++) {
            BodyPart child = parts.getBodyPart(i);
            if (MimeParts.Type.of(child).is("multipart/*")) {
                ReturnedHeaders nested = find((Multipart) child.getContent(), depth + 1);
                if (nested.found) {
                    return nested;
                }
            }
        }
        return NONE;
    }

    private static ReturnedHeaders read(BodyPart part) throws MessagingException, IOException {
        InternetHeaders headers;
        try (InputStream in = headersOf(part)) {
            headers = new InternetHeaders(in);
        }
        String[] received = Optional.ofNullable(headers.getHeader("Received")).orElse(new String[0]);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(received.length, MAX_RECEIVED); i++) {
            lines.add(MimeUtility.unfold(received[i]));
        }
        return new ReturnedHeaders(true, lines, Optional.ofNullable(headers.getHeader("Message-ID", null)).map(MimeUtility::unfold));
    }

    /**
     * The part's bytes: as they are when it is not transfer-encoded (a message/rfc822 part may only
     * be 7bit, 8bit or binary: RFC 2046), without javax.mail's data handler; else decoded.
     */
    private static InputStream headersOf(BodyPart part) throws MessagingException, IOException {
        if (part instanceof MimeBodyPart) {
            String encoding = ((MimeBodyPart) part).getEncoding();
            if (encoding == null || encoding.equalsIgnoreCase("7bit") || encoding.equalsIgnoreCase("8bit") || encoding.equalsIgnoreCase("binary")) {
                return ((MimeBodyPart) part).getRawInputStream();
            }
        }
        return part.getInputStream();
    }

    /** Whether the bounce returns the original's headers at all (without them, no claim). */
    public boolean found() {
        return found;
    }

    /** Its Received header values, unfolded, top first. */
    public List<String> received() {
        return Collections.unmodifiableList(received);
    }

    public Optional<String> messageId() {
        return messageId;
    }
}
