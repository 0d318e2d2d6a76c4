package io.maelezo.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.james.transport.mailets.DSNBounce;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.james.DecorateBounce;
import io.maelezo.james.ExplainDeliveryFailure;
import io.maelezo.james.ExplainedDSNBounce;
import io.maelezo.james.IsBounce;
import io.maelezo.report.BounceDecorator;

/**
 * The mailets as James runs them, for one failed mail (original of 2 KB): what James's own bounce
 * costs ({@code DSNBounce}, and the copy of the DSN James's memory queue makes when DSNBounce
 * sends it: {@code MailImpl.duplicate}) against what maelezo adds to it ({@code
 * ExplainDeliveryFailure} on the failed mail, then {@code IsBounce} and {@code DecorateBounce} on
 * the DSN as the spool hands it over: a message read from its bytes, with the attributes DSNBounce
 * carried over, and the copy James makes of the message a mailet sets). {@link DecorateBenchmark}
 * measures the two without James's copies. Logging is off here (no SLF4J binding); in James
 * DecorateBounce writes one INFO line per bounce it explains.
 */
@State(Scope.Thread)
public class MailetsBenchmark extends DecorateRunSettings {
    private final Session session = Session.getInstance(new Properties());
    private MimeMessage original;
    private DSNBounce dsnBounce;
    private ExplainDeliveryFailure explainDeliveryFailure;
    private IsBounce isBounce;
    private DecorateBounce decorateBounce;
    private ExplainedDSNBounce explainedDsnBounce;
    private byte[] dsn;
    private Collection<MailAddress> dsnRecipients;
    private final List<Attribute> dsnAttributes = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        String message = "From: amina@maelezo.test\r\nTo: rcpt@remote.example\r\nSubject: Mkutano\r\nMessage-ID: <original@maelezo.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Habari, hii ni barua ya majaribio ya maelezo. 0123456789 abcdefghijklmnopqrstuvwxyz\r\n".repeat(24);
        original = new MimeMessage(session, new SharedByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
        // One for both mailets, as MaelezoModule provides it in James.
        RecentClassifications classifications = new RecentClassifications(Classifier.standard());
        explainDeliveryFailure = new ExplainDeliveryFailure(classifications);
        explainDeliveryFailure.init(FakeMailetConfig.builder().mailetName("ExplainDeliveryFailure").build());
        isBounce = new IsBounce();
        isBounce.init(FakeMatcherConfig.builder().matcherName("IsBounce").mailetContext(queue(null)).build());
        decorateBounce = new DecorateBounce(classifications);
        decorateBounce.init(FakeMailetConfig.builder().mailetName("DecorateBounce")
            .setProperty("language", "sw").setProperty("bilingual", "true").build());

        // The DSN of a failed mail as the spool carries it: its bytes and its attributes.
        Mail[] first = new Mail[1];
        DSNBounce capturing = new DSNBounce(new LoopbackDns());
        capturing.init(FakeMailetConfig.builder().mailetName("DSNBounce").mailetContext(queue(first))
            .setProperty("passThrough", "false").build());
        Mail failed = failedMail();
        explainDeliveryFailure.service(failed);
        capturing.service(failed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first[0].getMessage().writeTo(bytes);
        dsn = bytes.toByteArray();
        dsnRecipients = first[0].getRecipients();
        first[0].attributes().forEach(dsnAttributes::add);
        LifecycleUtil.dispose(first[0]);

        dsnBounce = new DSNBounce(new LoopbackDns());
        dsnBounce.init(FakeMailetConfig.builder().mailetName("DSNBounce").mailetContext(queue(null))
            .setProperty("passThrough", "false").build());
        MailImpl explained = explainedDsn();
        if (!BounceDecorator.isDecorated(explained.getMessage())) {
            throw new IllegalStateException("the DSN was not decorated");
        }
        LifecycleUtil.dispose(explained);

        // maelezo's bounce in DSNBounce's place; the transport processor's IsBounce then sees it once.
        explainedDsnBounce = new ExplainedDSNBounce(classifications);
        explainedDsnBounce.init(FakeMailetConfig.builder().mailetName("ExplainedDSNBounce").mailetContext(
            BenchmarkMailetContext.sendingTo(mail -> {
                MailImpl queued = MailImpl.duplicate(mail);
                boolean explainedAlready = isBounce.match(queued).isEmpty() && BounceDecorator.isDecorated(queued.getMessage());
                LifecycleUtil.dispose(queued);
                LifecycleUtil.dispose(mail);
                if (!explainedAlready) {
                    throw new IllegalStateException("maelezo's bounce was not explained");
                }
            }))
            .setProperty("language", "sw").setProperty("bilingual", "true").setProperty("reportingMta", "localhost").build());
        Mail bounced = failedMail();
        explainedDsnBounce.service(bounced);
        if (!Mail.GHOST.equals(bounced.getState())) {
            throw new IllegalStateException("ExplainedDSNBounce did not bounce the mail");
        }
    }

    private Mail failedMail() throws Exception {
        return FakeMail.builder().name("failed").sender("amina@maelezo.test").recipient("rcpt@remote.example")
            .lastUpdated(new java.util.Date()).mimeMessage(original)
            .attribute(new Attribute(AttributeName.of("delivery-error"), AttributeValue.of(DecorateBenchmark.ERROR))).build();
    }

    /** James's own bounce: DSNBounce builds the DSN and sends it; the memory queue keeps a copy of it. */
    @Benchmark
    public Mail dsnBounce() throws Exception {
        Mail failed = failedMail();
        dsnBounce.service(failed);
        return failed;
    }

    /** What maelezo adds: the failure classified, then the DSN recognised and explained. */
    @Benchmark
    public Mail maelezo() throws Exception {
        MailImpl explained = explainedDsn();
        LifecycleUtil.dispose(explained);
        return explained;
    }

    /**
     * maelezo in DSNBounce's place: {@code ExplainedDSNBounce} writes the explained bounce and sends
     * it (James copies it into a new mail, the memory queue copies that), and {@code IsBounce} in
     * {@code transport} sees it explained already. Compare with {@link #dsnBounce}: this is all of it.
     */
    @Benchmark
    public Mail explained() throws Exception {
        Mail failed = failedMail();
        explainedDsnBounce.service(failed);
        return failed;
    }

    private MailImpl explainedDsn() throws Exception {
        explainDeliveryFailure.service(failedMail());
        MailImpl spooled = MailImpl.builder().name("dsn").sender(MaybeSender.nullSender()).addRecipients(dsnRecipients)
            .addAttributes(dsnAttributes).build();
        spooled.setMessageNoCopy(new MimeMessageWrapper(new BytesSource(dsn)));
        if (!isBounce.match(spooled).isEmpty()) {
            decorateBounce.service(spooled);
        }
        return spooled;
    }

    /** A DSN's bytes as the spool reads them back. */
    private static final class BytesSource implements MimeMessageSource {
        private final byte[] bytes;

        BytesSource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String getSourceId() {
            return "dsn";
        }

        @Override
        public InputStream getInputStream() {
            return new SharedByteArrayInputStream(bytes);
        }

        @Override
        public long getMessageSize() {
            return bytes.length;
        }
    }

    /**
     * A mailet context whose sendMail does what James's memory queue does with a mail it is given
     * (a copy: {@code MailImpl.duplicate}), then lets go of it; the first copy is kept in {@code first}.
     */
    private static MailetContext queue(Mail[] first) throws Exception {
        return BenchmarkMailetContext.sendingTo(mail -> {
            MailImpl queued = MailImpl.duplicate(mail);
            if (first != null && first[0] == null) {
                first[0] = queued;
            } else {
                LifecycleUtil.dispose(queued);
            }
        });
    }
}
