package io.maelezo.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on 127.0.0.1 that stands for "the recipient's server": it answers RCPT TO
 * for each address with the reply the test chooses ({@code 550 5.7.1 ... blocked using
 * zen.spamhaus.org}), the way real servers reject mail, and accepts the addresses it has no reply for.
 */
public final class RejectingSmtpServer implements AutoCloseable {
    /** A reply: the code and the text after it, as the server writes them on the RCPT line. */
    public static final class Reply {
        final int code;
        final String text;

        private Reply(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** {@code "550 5.7.1 Service unavailable; ..."}: the first three characters are the code. */
        public static Reply of(String line) {
            return new Reply(Integer.parseInt(line.substring(0, 3)), line.substring(4));
        }
    }

    private final SMTPServer server;
    private final int port;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final List<byte[]> accepted = new CopyOnWriteArrayList<>();

    private RejectingSmtpServer(int port) {
        this.port = port;
        this.server = new SMTPServer(this::handler);
        server.setBindAddress(InetAddress.getLoopbackAddress());
        server.setPort(port);
        server.setHostName("mx.remote.example");
        server.setSoftwareName("maelezo rejecting test server");
    }

    public static RejectingSmtpServer start() {
        RejectingSmtpServer remote = new RejectingSmtpServer(JamesEnvironment.freePort());
        remote.server.start();
        return remote;
    }

    public int port() {
        return port;
    }

    /** RCPT TO for this address gets this reply, e.g. {@code "550 5.1.1 <x@remote.example>: User unknown"}. */
    public RejectingSmtpServer reject(String address, String reply) {
        replies.put(address.toLowerCase(Locale.ROOT), Reply.of(reply));
        return this;
    }

    /** The addresses this server refused, in order. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** The messages this server accepted. */
    public List<byte[]> accepted() {
        return List.copyOf(accepted);
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            @Override
            public void from(String from) {
            }

            @Override
            public void recipient(String recipient) {
                Reply reply = replies.get(recipient.toLowerCase(Locale.ROOT));
                if (reply != null) {
                    rejected.add(recipient);
                    throw new RejectException(reply.code, reply.text);
                }
            }

            @Override
            public void data(InputStream data) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                data.transferTo(bytes);
                accepted.add(bytes.toByteArray());
            }

            @Override
            public void done() {
            }
        };
    }

    @Override
    public void close() {
        server.stop();
    }
}
