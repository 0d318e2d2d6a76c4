package io.maelezo.engine.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * What this node has told its postmaster: for each refusal of this installation ({@link Refusal}),
 * an alert at its first bounce, then at the end of each {@code alertInterval} a summary if more
 * bounces came. Bounded: at most {@code maxKeys} refusals are remembered, the least recently seen
 * forgotten first (a forgotten one alerts again). Per node: in memory, not shared between James
 * servers. Safe for any number of threads.
 */
public final class AlertLedger {
    /** At most this many senders are counted by name per refusal; beyond, the count still grows. */
    static final int MAX_SENDERS = 1_000;

    private final Duration interval;
    private final Clock clock;
    private final Cache<String, Entry> entries;

    public AlertLedger(Duration interval, int maxKeys, Clock clock) {
        this.interval = interval;
        this.clock = clock;
        this.entries = CacheBuilder.newBuilder().maximumSize(maxKeys).build();
    }

    public Duration interval() {
        return interval;
    }

    /** One refusal's count in its current interval. */
    private static final class Entry {
        final Refusal refusal;
        Instant windowStart;
        Instant first;
        Instant last;
        int bounces;
        int sinceAlert;
        final Set<String> senders = new LinkedHashSet<>();
        int moreSenders;
        String sample;

        Entry(Refusal refusal) {
            this.refusal = refusal;
        }

        void start(Instant now, String sender, String reply) {
            windowStart = now;
            first = now;
            bounces = 0;
            sinceAlert = 0;
            senders.clear();
            moreSenders = 0;
            sample = reply;
            count(now, sender);
        }

        void count(Instant now, String sender) {
            last = now;
            bounces++;
            if (senders.size() < MAX_SENDERS) {
                senders.add(sender);
            } else if (!senders.contains(sender)) {
                moreSenders++;
            }
        }

        Alert alert(boolean summary) {
            return new Alert(refusal, summary, bounces, senders.size() + moreSenders, first, last, sample);
        }
    }

    /**
     * Counts one bounce of this refusal.
     *
     * @return the alert to send now: at the refusal's first bounce, or its first after a quiet interval
     */
    public synchronized Optional<Alert> record(Refusal refusal, String sender, String reply) {
        Instant now = clock.instant();
        Entry entry = entries.getIfPresent(refusal.key());
        if (entry == null || entry.sinceAlert == 0 && !now.isBefore(entry.windowStart.plus(interval))) {
            Entry started = entry == null ? new Entry(refusal) : entry;
            started.start(now, sender, reply);
            entries.put(refusal.key(), started);
            return Optional.of(started.alert(false));
        }
        entry.count(now, sender);
        entry.sinceAlert++;
        return Optional.empty();
    }

    /** The summaries due: each refusal whose interval ended with bounces after its alert. Their next interval starts. */
    public synchronized List<Alert> due() {
        Instant now = clock.instant();
        List<Alert> due = new ArrayList<>();
        for (Entry entry : entries.asMap().values()) {
            if (entry.sinceAlert > 0 && !now.isBefore(entry.windowStart.plus(interval))) {
                due.add(entry.alert(true));
                entry.windowStart = now;
                entry.sinceAlert = 0;
            }
        }
        return due;
    }

    /** Whether the postmaster has been told of this refusal (the users' bounces then say so). */
    public boolean told(Refusal refusal) {
        return entries.getIfPresent(refusal.key()) != null;
    }

    /** The refusals seen within the last interval, latest first: while there are any, the health check is degraded. */
    public synchronized List<Refusal> recent() {
        Instant since = clock.instant().minus(interval);
        List<Entry> recent = new ArrayList<>();
        for (Entry entry : entries.asMap().values()) {
            if (entry.last.isAfter(since)) {
                recent.add(entry);
            }
        }
        recent.sort((a, b) -> b.last.compareTo(a.last));
        List<Refusal> refusals = new ArrayList<>();
        recent.forEach(entry -> refusals.add(entry.refusal));
        return refusals;
    }

    /** How many refusals are remembered (at most maxKeys). */
    public long size() {
        return entries.size();
    }

    Map<String, ?> entriesForTests() {
        return entries.asMap();
    }
}
