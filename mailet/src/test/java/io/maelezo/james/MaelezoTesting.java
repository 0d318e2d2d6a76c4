package io.maelezo.james;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

import com.google.inject.Guice;
import com.google.inject.Injector;

import io.maelezo.report.BounceReader;

/** The mailets as James builds them: by Guice, from {@link MaelezoModule}, then initialised. */
public final class MaelezoTesting {
    private static final Injector JAMES = Guice.createInjector(new MaelezoModule());

    /** One reader for the tests (each mailet and the matcher load their own in James). */
    public static final BounceReader READER = BounceReader.load();

    private MaelezoTesting() {
    }

    public static IsBounce isBounce() {
        return new IsBounce(READER);
    }

    public static DecorateBounce decorateBounce(MailetConfig config) throws MessagingException {
        DecorateBounce mailet = JAMES.getInstance(DecorateBounce.class);
        mailet.init(config);
        return mailet;
    }

    public static ExplainDeliveryFailure explainDeliveryFailure(MailetConfig config) throws MessagingException {
        ExplainDeliveryFailure mailet = JAMES.getInstance(ExplainDeliveryFailure.class);
        mailet.init(config);
        return mailet;
    }

    public static ExplainedDSNBounce explainedDsnBounce(MailetConfig config) throws MessagingException {
        ExplainedDSNBounce mailet = JAMES.getInstance(ExplainedDSNBounce.class);
        mailet.init(config);
        return mailet;
    }
}
