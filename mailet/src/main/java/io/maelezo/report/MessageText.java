package io.maelezo.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The text a person reads in a message: its text parts, its HTML made text (jsoup), not the
 * messages it carries; bounded, with one kind of line end.
 */
final class MessageText {
    private static final int MAX_TEXT = 64 * 1024;
    private static final Pattern LINE_END = Pattern.compile("\r?\r\n|\r");

    private MessageText() {
    }

    /** The text a person reads in this message (text parts, HTML made text), without attached messages. */
    static String of(Part part) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        collect(part, text);
        String read = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
        // CRLF, CR-only and doubled CR (CR CR LF, a CRLF converted twice) line ends read as LF:
        // the rules below see one kind of line end.
        return read.indexOf('\r') < 0 ? read : LINE_END.matcher(read).replaceAll("\n");
    }

    private static void collect(Part part, StringBuilder text) throws MessagingException, IOException {
        if (text.length() >= MAX_TEXT) {
            return;
        }
        MimeParts.Type type = MimeParts.Type.of(part);
        if (type.is("message/rfc822", "text/rfc822-headers")) {
            return;
        }
        if (type.is("multipart/*")) {
            try {
                collectMultipart(part, text);
            } catch (MessagingException | IOException | RuntimeException e) {
                // Broken MIME (a missing boundary): the raw text is still the bounce's words.
                text.append(raw(part)).append('\n');
            }
        } else if (type.is("text/html")) {
            text.append(htmlToText(asString(part))).append('\n');
        } else if (type.is("text/*", "message/delivery-status", "message/global-delivery-status")) {
            text.append(asString(part)).append('\n');
        }
    }

    private static void collectMultipart(Part part, StringBuilder text) throws MessagingException, IOException {
        Optional<Multipart> parts = MimeParts.multipart(part);
        if (parts.isEmpty()) {
            text.append(raw(part)).append('\n');
            return;
        }
        Multipart multipart = parts.get();
        int count = multipart.getCount();
        if (part.isMimeType("multipart/alternative")) {
            Part chosen = null;
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain")) {
                    chosen = child;
                    break;
                }
                if (chosen == null) {
                    chosen = child;
                }
            }
            if (chosen != null) {
                collect(chosen, text);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            collect(multipart.getBodyPart(i), text);
        }
    }

    private static String raw(Part part) throws MessagingException, IOException {
        InputStream in = part instanceof MimeMessage ? ((MimeMessage) part).getRawInputStream()
            : part instanceof javax.mail.internet.MimeBodyPart ? ((javax.mail.internet.MimeBodyPart) part).getRawInputStream()
            : part.getInputStream();
        try (InputStream stream = in) {
            return new String(stream.readNBytes(MAX_TEXT), StandardCharsets.UTF_8);
        }
    }

    private static String asString(Part part) throws MessagingException, IOException {
        return MimeParts.text(part);
    }

    private static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        document.select("br").before("\n");
        document.select("p, div, tr, li, h1, h2, h3, h4, table, blockquote").after("\n");
        return document.wholeText();
    }
}
