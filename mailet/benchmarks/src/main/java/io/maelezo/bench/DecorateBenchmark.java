package io.maelezo.bench;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.transport.mailets.DSNBounce;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.Decoration;

/**
 * In one run: what DSNBounce 3.8.1 takes to build the DSN of a failed mail, and what maelezo takes
 * to decorate that DSN. The DSN is read the way James reads a message, from a shared stream (no
 * copy of its bytes), for an original of 2 KB and of 20 MB; run with -prof gc for the bytes
 * allocated per operation.
 */
@State(Scope.Thread)
public class DecorateBenchmark extends DecorateRunSettings {
    static final String ERROR = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
        + "https://www.spamhaus.org/query/ip/192.0.2.1";

    @Param({"2048", "20971520"})
    int originalBytes;

    private final Session session = Session.getInstance(new Properties());
    private DSNBounce dsnBounce;
    private MimeMessage original;
    private Mail[] sent;
    private byte[] dsn;
    private BounceDecorator decorator;

    @Setup
    public void setUp() throws Exception {
        StringBuilder body = new StringBuilder();
        String line = "Habari, hii ni barua ya majaribio ya maelezo. 0123456789 abcdefghijklmnopqrstuvwxyz\r\n";
        while (body.length() < originalBytes) {
            body.append(line);
        }
        String message = "From: amina@maelezo.test\r\nTo: rcpt@remote.example\r\nSubject: Mkutano\r\n"
            + "Message-ID: <original@maelezo.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body;
        original = new MimeMessage(session, new SharedByteArrayInputStream(message.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        sent = new Mail[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        dsnBounce = new DSNBounce(new LoopbackDns());
        dsnBounce.init(FakeMailetConfig.builder().mailetName("DSNBounce").mailetContext(capturing(sent, bytes))
            .setProperty("passThrough", "false").build());
        dsnBounce.service(failedMail());
        dsn = bytes.toByteArray();
        decorator = new BounceDecorator(Engine.create(Settings.defaults()));
        if (decorator.decorate(james(dsn), Optional.empty()).message().isEmpty()) {
            throw new IllegalStateException("the DSN was not decorated");
        }
    }

    private Mail failedMail() throws Exception {
        return FakeMail.builder().name("failed").sender("amina@maelezo.test").recipient("rcpt@remote.example").lastUpdated(new java.util.Date())
            .mimeMessage(original).attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(ERROR))).build();
    }

    private MimeMessage james(byte[] bytes) throws Exception {
        return new MimeMessage(session, new SharedByteArrayInputStream(bytes));
    }

    @Benchmark
    public Mail dsnBounce() throws Exception {
        dsnBounce.service(failedMail());
        return sent[0];
    }

    @Benchmark
    public Decoration decorate() throws Exception {
        return decorator.decorate(james(dsn), Optional.empty());
    }

    /** A mailet context that keeps the last mail sent, and the bytes of the first DSN. */
    static MailetContext capturing(Mail[] sent, ByteArrayOutputStream firstDsn) throws Exception {
        return BenchmarkMailetContext.sendingTo(mail -> {
            sent[0] = mail;
            if (firstDsn.size() == 0 && mail != null) {
                // DSNBounce disposes of the mail once sent: keep the first DSN's bytes now.
                mail.getMessage().writeTo(firstDsn);
            }
        });
    }
}
