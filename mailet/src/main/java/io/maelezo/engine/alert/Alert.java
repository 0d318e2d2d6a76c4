package io.maelezo.engine.alert;

import java.time.Instant;

/** What one alert (or summary) to the postmaster tells of one refusal. */
public final class Alert {
    private final Refusal refusal;
    private final boolean summary;
    private final int bounces;
    private final int senders;
    private final Instant first;
    private final Instant last;
    private final String sampleReply;

    Alert(Refusal refusal, boolean summary, int bounces, int senders, Instant first, Instant last, String sampleReply) {
        this.refusal = refusal;
        this.summary = summary;
        this.bounces = bounces;
        this.senders = senders;
        this.first = first;
        this.last = last;
        this.sampleReply = sampleReply;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** A summary at the end of an interval (else the alert at the first bounce). */
    public boolean summary() {
        return summary;
    }

    public int bounces() {
        return bounces;
    }

    public int senders() {
        return senders;
    }

    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    /** The remote server's words of the first bounce (untrusted). */
    public String sampleReply() {
        return sampleReply;
    }
}
