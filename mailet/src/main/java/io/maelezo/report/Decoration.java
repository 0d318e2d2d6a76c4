package io.maelezo.report;

import java.util.Optional;

import javax.mail.internet.MimeMessage;

/** What {@link BounceDecorator} did with one message, and why. */
public final class Decoration {
    public enum Outcome {
        /** The bounce now opens with the explanation. */
        DECORATED,
        /** Not a delivery failure report: left alone. */
        NOT_A_BOUNCE,
        /** maelezo explained this bounce already: left alone. */
        ALREADY_DECORATED,
        /** A delivery report, but of successes only (delivered, relayed, expanded): left alone. */
        NO_FAILURE
    }

    private final Outcome outcome;
    private final MimeMessage message;
    private final String reason;

    private Decoration(Outcome outcome, MimeMessage message, String reason) {
        this.outcome = outcome;
        this.message = message;
        this.reason = reason;
    }

    static Decoration decorated(MimeMessage message, String summary) {
        return new Decoration(Outcome.DECORATED, message, summary);
    }

    static Decoration unchanged(Outcome outcome, String reason) {
        return new Decoration(outcome, null, reason);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The decorated message; empty unless {@link Outcome#DECORATED}. */
    public Optional<MimeMessage> message() {
        return Optional.ofNullable(message);
    }

    public String reason() {
        return reason;
    }
}
