package io.maelezo.james;

import java.time.ZoneId;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.engine.text.Texts;

/**
 * For the {@code bounces} processor, before {@code DSNBounce}: classifies why RemoteDelivery
 * failed ({@code delivery-error}) and stores the result as {@code maelezo.*} attributes. DSNBounce
 * duplicates the mail with its attributes, so they reach the DSN and {@link DecorateBounce}.
 *
 * <p>Only adds attributes; never changes, drops or creates a mail. Any failure is logged (WARN)
 * and the mail goes on unchanged. It takes no parameter (one given stops James at start-up):
 * <pre><code>
 * &lt;mailet match="All" class="io.maelezo.james.ExplainDeliveryFailure"/&gt;
 * </code></pre>
 */
public class ExplainDeliveryFailure extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExplainDeliveryFailure.class);

    private final RecentClassifications classifications;

    /** The classifications are shared with {@link DecorateBounce}, which reads the same reply again in the DSN. */
    private final PostmasterAlerts alerts;
    private final MaelezoMetrics metrics;

    @Inject
    public ExplainDeliveryFailure(RecentClassifications classifications, PostmasterAlerts alerts, MaelezoMetrics metrics) {
        this.classifications = classifications;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /** Outside James (tests): alerts and counters of its own. */
    public ExplainDeliveryFailure(RecentClassifications classifications) {
        this(classifications, new PostmasterAlerts(java.time.Clock.systemUTC()), MaelezoMetrics.none());
    }

    /** It takes none: the sample above names none (MailetSamplesTest). */
    static final Set<String> PARAMETERS = Set.of();

    @Override
    public void init() throws MessagingException {
        checkInitParameters(PARAMETERS);
        alerts.configureIfUnset(getMailetContext(), Texts.shipped(), ZoneId.systemDefault(), metrics);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        try {
            MaelezoAttributes.string(mail, MaelezoAttributes.DELIVERY_ERROR).ifPresentOrElse(
                error -> {
                    Classification classification = classifications.classify(error);
                    MaelezoAttributes.store(mail, classification);
                    MaelezoAttributes.storeRetries(mail);
                    // A refusal of this installation itself alerts the postmaster (DSNBounce writes the bounce).
                    mail.getMaybeSender().asOptional().ifPresent(sender -> mail.getRecipients()
                        .forEach(recipient -> alerts.seen(classification, recipient.asString(), sender.asString())));
                    LOGGER.debug("maelezo: mail {} failed: {}", mail.getName(), classification);
                },
                () -> LOGGER.debug("maelezo: mail {} has no delivery-error attribute; nothing to explain", mail.getName()));
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            LOGGER.warn("maelezo: could not explain the delivery failure of mail {}; it goes on unchanged ({})",
                mail.getName(), Failures.describe(t));
            LOGGER.debug("maelezo: what failed on mail {}", mail.getName(), t);
        }
    }

    @Override
    public String getMailetInfo() {
        return "maelezo: classify a delivery failure for the bounce";
    }
}
