package io.maelezo.report;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/** A message that keeps the Message-ID it was given when saved (javax.mail would make a new one). */
final class KeptIdMimeMessage extends MimeMessage {
    KeptIdMimeMessage(Session session) {
        super(session);
    }

    @Override
    protected void updateMessageID() {
        // The decorated bounce is the same message as before: it keeps its Message-ID.
    }
}
