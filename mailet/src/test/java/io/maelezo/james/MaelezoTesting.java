package io.maelezo.james;

import java.time.Clock;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import io.maelezo.report.BounceReader;

/** The mailets as James builds them: by Guice, from {@link MaelezoModule}, then initialised. */
public final class MaelezoTesting {
    /**
     * MaelezoModule, but counters of its own (no James metric registry here) and a fresh
     * PostmasterAlerts for each mailet (in James there is one per server), so that no test sees
     * another's refusals.
     */
    private static final Injector JAMES = Guice.createInjector(Modules.override(new MaelezoModule()).with(binder -> {
        binder.bind(MaelezoMetrics.class).toProvider(MaelezoMetrics::none);
        binder.bind(PostmasterAlerts.class).toProvider(() -> new PostmasterAlerts(Clock.systemUTC()));
    }));

    /** One reader for the tests (each mailet and the matcher load their own in James). */
    public static final BounceReader READER = BounceReader.load();

    private MaelezoTesting() {
    }

    /** The injector the tests build maelezo's classes with, as James would. */
    public static Injector injector() {
        return JAMES;
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
