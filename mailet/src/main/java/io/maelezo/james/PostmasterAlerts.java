package io.maelezo.james;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.maelezo.engine.alert.Alert;
import io.maelezo.engine.alert.AlertLedger;
import io.maelezo.engine.alert.AlertMail;
import io.maelezo.engine.alert.Refusal;
import io.maelezo.engine.alert.RefusalWatch;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.text.Texts;
import io.maelezo.report.AlertMessage;

/**
 * Tells James's postmaster when remote servers refuse this installation itself ({@link Refusal}):
 * an alert at the first such bounce, a summary at the end of {@code alertInterval} if more came,
 * each with a WARN line in the log. One per node (a James server): the mailets and the health
 * check share it ({@link #ofThisNode()}); its memory is bounded ({@link #MAX_REFUSALS}).
 */
public final class PostmasterAlerts implements RefusalWatch {
    private static final Logger LOGGER = LoggerFactory.getLogger(PostmasterAlerts.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
    /** At most this many refusals are remembered; the least recently seen is forgotten first. */
    public static final int MAX_REFUSALS = 1_000;
    private static final PostmasterAlerts THIS_NODE = new PostmasterAlerts(Clock.systemUTC());

    private final Clock clock;
    private volatile AlertLedger ledger;
    private volatile MailetContext context;
    private volatile AlertMail words;
    private volatile MaelezoMetrics metrics = MaelezoMetrics.none();
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> summaries;

    PostmasterAlerts(Clock clock) {
        this.clock = clock;
        this.ledger = new AlertLedger(DEFAULT_INTERVAL, MAX_REFUSALS, clock);
    }

    /** This James server's alerts: the same for every mailet and the health check, whichever Guice injector made them. */
    public static PostmasterAlerts ofThisNode() {
        return THIS_NODE;
    }

    /**
     * Set by ExplainedDSNBounce (and ExplainDeliveryFailure with the default interval) when James starts:
     * where alerts go, in which words, and how often.
     */
    public synchronized void configure(Duration interval, MailetContext context, Texts texts, ZoneId zone, MaelezoMetrics metrics) {
        if (!interval.equals(ledger.interval())) {
            ledger = new AlertLedger(interval, MAX_REFUSALS, clock);
        }
        this.context = context;
        this.words = new AlertMail(texts, zone);
        this.metrics = metrics;
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "maelezo-postmaster-summaries");
                thread.setDaemon(true);
                return thread;
            });
        }
        if (summaries != null) {
            summaries.cancel(false);
        }
        long every = Math.max(1_000, Math.min(interval.toMillis() / 4, 60_000));
        summaries = scheduler.scheduleWithFixedDelay(this::sendSummaries, every, every, TimeUnit.MILLISECONDS);
    }

    /** The same, with the default interval, unless ExplainedDSNBounce configured it already (the decorate-only setup). */
    public synchronized void configureIfUnset(MailetContext context, Texts texts, ZoneId zone, MaelezoMetrics metrics) {
        if (this.context == null) {
            configure(ledger.interval(), context, texts, zone, metrics);
        }
    }

    @Override
    public boolean seen(Classification failure, String recipient, String sender) {
        MailetContext mailets = context;
        if (mailets == null) {
            return false; // not configured: no mailet of maelezo's bounces set it up
        }
        Optional<Refusal> refusal = Refusal.of(failure, recipient, sender, JamesDomains.of(mailets));
        if (refusal.isEmpty()) {
            return false;
        }
        AlertLedger current = ledger;
        // "Already told" only when an alert went out before this bounce: the bounce that alerts still asks the reader to forward it.
        boolean toldBefore = current.told(refusal.get());
        current.record(refusal.get(), sender, failure.diagnostic().text()).ifPresent(alert -> send(alert, current.interval()));
        return toldBefore;
    }

    private void sendSummaries() {
        try {
            AlertLedger current = ledger;
            for (Alert summary : current.due()) {
                send(summary, current.interval());
            }
        } catch (RuntimeException e) {
            LOGGER.warn("maelezo: could not send the postmaster's summaries ({})", Failures.describe(e));
        }
    }

    private void send(Alert alert, Duration interval) {
        MailetContext mailets = context;
        AlertMail mail = words;
        MailAddress postmaster = mailets.getPostmaster();
        LOGGER.warn("maelezo: remote servers refuse this server's mail: {}; {} bounce(s) from {} sender(s); {} sent to the postmaster {}",
            alert.refusal(), alert.bounces(), alert.senders(), alert.summary() ? "summary" : "alert", postmaster.asString());
        try {
            mailets.sendMail(null, List.of(postmaster), AlertMessage.of(postmaster.asString(), mail.subject(alert), mail.body(alert, interval)));
            metrics.alertSent();
        } catch (Exception e) {
            LOGGER.warn("maelezo: could not send the alert to the postmaster {} ({})", postmaster.asString(), Failures.describe(e));
        }
    }

    /** The refusals seen within the last alertInterval (the health check is degraded while there are any). */
    public List<Refusal> recent() {
        return ledger.recent();
    }

    public Duration interval() {
        return ledger.interval();
    }

    /** Stops the summaries (James stops). */
    public synchronized void stop() {
        if (summaries != null) {
            summaries.cancel(false);
            summaries = null;
        }
    }
}
