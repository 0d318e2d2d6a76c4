package io.maelezo.report;

import java.time.Instant;
import java.util.Optional;

/** One recipient a bounce reports as failed (or delayed), and what the server said about it. */
public final class Failure {
    private final String recipient;
    private final String reply;
    private final String status;
    private final boolean delayed;
    private final Instant willRetryUntil;
    private final String forwardedTo;

    public Failure(String recipient, String reply, boolean delayed) {
        this(recipient, reply, null, delayed);
    }

    /** @param status the report's {@code Status:} for this recipient, or null */
    public Failure(String recipient, String reply, String status, boolean delayed) {
        this(recipient, reply, status, delayed, null);
    }

    /** @param willRetryUntil until when the reporting server keeps trying a delayed recipient, or null */
    public Failure(String recipient, String reply, String status, boolean delayed, Instant willRetryUntil) {
        this(recipient, reply, status, delayed, willRetryUntil, null);
    }

    /** @param forwardedTo the address the mail was passed on to, which failed, when {@code recipient} is the one the sender wrote; or null */
    public Failure(String recipient, String reply, String status, boolean delayed, Instant willRetryUntil, String forwardedTo) {
        this.forwardedTo = forwardedTo;
        this.recipient = recipient;
        this.reply = reply;
        this.status = status;
        this.delayed = delayed;
        this.willRetryUntil = willRetryUntil;
    }

    /** The address; empty when the bounce does not say which recipient failed. */
    public String recipient() {
        return recipient;
    }

    /**
     * The address the mail was passed on to (an alias or a forwarding), which is the one that
     * failed, when {@link #recipient()} is the address the sender wrote (a report's
     * Original-Recipient and Final-Recipient).
     */
    public Optional<String> forwardedTo() {
        return Optional.ofNullable(forwardedTo);
    }

    /** The server's words about this recipient: a Diagnostic-Code, a Status, or the bounce's own text. */
    public String reply() {
        return reply;
    }

    /** The report's {@code Status:} for this recipient, when it gave one. */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    /** The sender still retries (a "delayed" warning): the mail may still arrive. */
    public boolean delayed() {
        return delayed;
    }

    /** Until when the reporting server says it keeps trying this recipient (only for a delayed one). */
    public Optional<Instant> willRetryUntil() {
        return delayed ? Optional.ofNullable(willRetryUntil) : Optional.empty();
    }
}
