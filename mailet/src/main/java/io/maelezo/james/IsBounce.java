package io.maelezo.james;

import java.util.Collection;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;

/**
 * Matches a bounce maelezo has not explained yet: a mail with a null reverse path whose message
 * is a {@code multipart/report; report-type=delivery-status}, or reads like a bounce (qmail, Exim,
 * Exchange, ...). A message it cannot read does not match (and is logged): it goes on unchanged.
 * It takes no condition (one given stops James at start-up):
 * <pre><code>
 * &lt;mailet match="io.maelezo.james.IsBounce" class="io.maelezo.james.DecorateBounce"/&gt;
 * </code></pre>
 */
public class IsBounce extends GenericMatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(IsBounce.class);

    private final BounceReader reader;

    /** The matcher loads its own reader when James makes it: a broken knowledge file stops James at start-up. */
    public IsBounce() {
        this(BounceReader.load());
    }

    IsBounce(BounceReader reader) {
        this.reader = reader;
    }

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition != null && !condition.isBlank()) {
            throw new MessagingException("IsBounce takes no condition, not '" + condition + "'");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        try {
            if (!mail.getMaybeSender().isNullSender()) {
                return List.of();
            }
            MimeMessage message = mail.getMessage();
            if (!BounceDecorator.isDecorated(message) && reader.looksLikeBounce(message)) {
                return mail.getRecipients();
            }
            return List.of();
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            LOGGER.warn("maelezo: could not tell whether mail {} is a bounce; it goes on unchanged ({})",
                mail.getName(), Failures.describe(t));
            LOGGER.debug("maelezo: what failed on mail {}", mail.getName(), t);
            return List.of();
        }
    }

    @Override
    public String getMatcherInfo() {
        return "maelezo: delivery failure reports not yet explained";
    }
}
