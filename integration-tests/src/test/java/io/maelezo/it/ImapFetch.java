package io.maelezo.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/** The message inside an IMAP {@code FETCH ... BODY[]} response, as TestIMAPClient returns it. */
final class ImapFetch {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}\\r\\n");

    private ImapFetch() {
    }

    static byte[] rawMessage(String fetchResponse) {
        Matcher literal = LITERAL.matcher(fetchResponse);
        if (!literal.find()) {
            throw new IllegalArgumentException("no message literal in IMAP response: " + fetchResponse);
        }
        byte[] all = fetchResponse.substring(literal.end()).getBytes(StandardCharsets.UTF_8);
        int length = Integer.parseInt(literal.group(1));
        byte[] message = new byte[Math.min(length, all.length)];
        System.arraycopy(all, 0, message, 0, message.length);
        return message;
    }

    static MimeMessage message(String fetchResponse) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rawMessage(fetchResponse)));
    }
}
