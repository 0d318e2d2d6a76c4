package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A gateway's notice around the bounce it received, whose own words name no recipient: the
 * enclosed bounce names them, attached as a message (Trend Micro) or quoted whole in the notice's
 * text (OCN's "The following is the error message"). Read one level down only.
 */
final class EnclosedBounce {
    /** Reads an enclosed message as a bounce (never looking further into it). */
    interface Reader {
        Optional<BounceReport> read(MimeMessage enclosed) throws MessagingException, IOException;
    }

    private EnclosedBounce() {
    }

    /** The failed recipients of the bounce this notice encloses, if it encloses one that names them. */
    static Optional<List<Failure>> failures(MimeMessage message, Object content, String ownWords, Reader reader)
        throws MessagingException, IOException {
        Optional<List<Failure>> attached = content instanceof Multipart ? attached((Multipart) content, reader) : Optional.empty();
        return attached.isPresent() ? attached : quoted(message, ownWords, reader);
    }

    /** The failed recipients of the first attached message that is itself a bounce and names them (one level down only). */
    private static Optional<List<Failure>> attached(Multipart multipart, Reader reader) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (!MimeParts.Type.of(part).is("message/rfc822")) {
                continue;
            }
            Object attached;
            try {
                attached = part.getContent();
            } catch (MessagingException | IOException | RuntimeException e) {
                continue; // an attachment that cannot be read names nobody
            }
            if (attached instanceof MimeMessage) {
                Optional<BounceReport> inner = reader.read((MimeMessage) attached);
                if (inner.isPresent() && !inner.get().failures().isEmpty() && !inner.get().failures().get(0).recipient().isEmpty()) {
                    return Optional.of(inner.get().failures());
                }
            }
        }
        return Optional.empty();
    }

    /** The most of a notice's text after its own words read as the bounce it quotes. */
    private static final int QUOTED_BOUNCE = 64 * 1024;

    /**
     * The failed recipients of a bounce quoted whole in the notice's text, after its own words
     * (its header lines, then its body: OCN's "The following is the error message" notices): read
     * as a message of its own, one level down only.
     */
    private static Optional<List<Failure>> quoted(MimeMessage message, String ownWords, Reader reader) throws MessagingException, IOException {
        String whole = MessageText.of(message);
        if (whole.length() <= ownWords.length() + 1 || !whole.startsWith(ownWords)) {
            return Optional.empty();
        }
        String quoted = whole.substring(ownWords.length(), Math.min(whole.length(), ownWords.length() + QUOTED_BOUNCE)).stripLeading();
        MimeMessage inner = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(quoted.getBytes(StandardCharsets.UTF_8)));
        Optional<BounceReport> report = reader.read(inner);
        if (report.isPresent() && !report.get().failures().isEmpty() && !report.get().failures().get(0).recipient().isEmpty()) {
            return Optional.of(report.get().failures());
        }
        return Optional.empty();
    }
}
