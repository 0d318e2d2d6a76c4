package io.maelezo.james;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import io.maelezo.engine.Engine;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.Decoration;

/**
 * The DSN decorator: puts the plain explanation first in a bounce (see {@link BounceDecorator}).
 * Use it with the {@link IsBounce} matcher early in {@code transport}, where it sees every bounce
 * once: James's own (DSNBounce sends them to {@code root}) and those of other servers.
 *
 * <p>Parameters: {@code language} (sw, en), {@code bilingual} (true, false), {@code supportContact},
 * {@code textsDirectory}, {@code repairStatus} (true, false). A wrong value stops James at start-up.
 * A bounce that cannot be explained is delivered unchanged and logged (WARN); nothing is dropped.
 */
public class DecorateBounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(DecorateBounce.class);

    private final RecentClassifications classifications;
    private BounceDecorator decorator;

    @Inject
    public DecorateBounce(RecentClassifications classifications) {
        this.classifications = classifications;
    }

    @Override
    public void init() throws MessagingException {
        try {
            decorator = new BounceDecorator(Engine.configured(this::getInitParameter, classifications));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("DecorateBounce: " + e.getMessage(), e);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        try {
            Optional<String> knownReply = MaelezoAttributes.string(mail, MaelezoAttributes.DIAGNOSTIC);
            Decoration decoration = decorator.decorate(mail.getMessage(), knownReply);
            if (decoration.message().isPresent()) {
                mail.setMessage(decoration.message().get());
                LOGGER.info("maelezo: explained bounce {} ({})", mail.getName(), decoration.reason());
            } else {
                LOGGER.debug("maelezo: left mail {} unchanged: {}", mail.getName(), decoration.reason());
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            LOGGER.warn("maelezo: could not explain bounce {}; it is delivered unchanged ({})", mail.getName(), Failures.describe(t));
            LOGGER.debug("maelezo: what failed on bounce {}", mail.getName(), t);
        }
    }

    @Override
    public String getMailetInfo() {
        return "maelezo: explain a bounce in plain Swahili";
    }
}
