package io.maelezo.james;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.apache.james.metrics.api.MetricFactory;

import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.classify.RecentClassifications;

/**
 * The Guice module James loads from {@code extensions.properties}
 * ({@code guice.extension.module=io.maelezo.james.MaelezoModule}): the knowledge (code tables,
 * patterns, blocklist operators) is loaded once and shared by the mailets, and so are the replies
 * classified lately; the postmaster's alerts ({@link PostmasterAlerts}) are one per James server.
 */
public class MaelezoModule extends AbstractModule {
    @Provides
    @Singleton
    Classifier classifier() {
        return Classifier.standard();
    }

    @Provides
    @Singleton
    RecentClassifications recentClassifications(Classifier classifier) {
        return new RecentClassifications(classifier);
    }

    /** One per James server, whichever of James's loaders asks: the mailets record, the health check reads. */
    @Provides
    @Singleton
    PostmasterAlerts postmasterAlerts() {
        return PostmasterAlerts.ofThisNode();
    }

    /** maelezo's counters in James's metric registry (webadmin's /metrics). */
    @Provides
    @Singleton
    MaelezoMetrics metrics(MetricFactory factory) {
        return MaelezoMetrics.of(factory);
    }
}
