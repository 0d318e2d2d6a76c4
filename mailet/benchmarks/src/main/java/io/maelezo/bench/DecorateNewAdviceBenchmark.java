package io.maelezo.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.Decoration;

/**
 * Decorating when nothing can be reused: {@link DecorateBenchmark} decorates one DSN again and
 * again, so the advice of its reason and its wrapped paragraphs are always rendered already (as
 * in a burst of bounces for one reason). Here each DSN names another listed address, which is
 * part of the advice: 4,096 DSNs (original of 2 KB) built by DSNBounce, decorated in turn.
 */
@State(Scope.Thread)
public class DecorateNewAdviceBenchmark extends DecorateRunSettings {
    private static final int DSNS = 4096;

    private final Session session = Session.getInstance(new Properties());
    private byte[][] dsns;
    private int next;
    private BounceDecorator decorator;

    @Setup
    public void setUp() throws Exception {
        String original = "From: amina@maelezo.test\r\nTo: rcpt@remote.example\r\nSubject: Mkutano\r\nMessage-ID: <original@maelezo.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Habari, hii ni barua ya majaribio ya maelezo. 0123456789 abcdefghijklmnopqrstuvwxyz\r\n".repeat(24);
        MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(original.getBytes(StandardCharsets.US_ASCII)));
        dsns = new byte[DSNS][];
        for (int i = 0; i < DSNS; i++) {
            String address = "10." + (i >> 8) + "." + (i & 255) + ".7";
            String error = "550 5.7.1 Service unavailable; Client host [" + address + "] blocked using zen.spamhaus.org";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DSNBounce dsnBounce = new DSNBounce(new LoopbackDns());
            dsnBounce.init(FakeMailetConfig.builder().mailetName("DSNBounce").mailetContext(DecorateBenchmark.capturing(new Mail[1], bytes))
                .setProperty("passThrough", "false").build());
            dsnBounce.service(FakeMail.builder().name("failed" + i).sender("amina@maelezo.test").recipient("rcpt@remote.example")
                .lastUpdated(new java.util.Date()).mimeMessage(message)
                .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(error))).build());
            dsns[i] = bytes.toByteArray();
        }
        decorator = new BounceDecorator(Engine.create(Settings.defaults()));
    }

    @Benchmark
    public Decoration decorate() throws Exception {
        byte[] dsn = dsns[next];
        next = (next + 1) % DSNS;
        return decorator.decorate(new MimeMessage(session, new SharedByteArrayInputStream(dsn)), Optional.empty());
    }
}
