package io.maelezo.report;

import java.util.Optional;
import java.util.Set;

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
    private final Set<String> categories;

    private Decoration(Outcome outcome, MimeMessage message, String reason, Set<String> categories) {
        this.outcome = outcome;
        this.message = message;
        this.reason = reason;
        this.categories = Set.copyOf(categories);
    }

    /** @param categories the categories of the bounce's recipients, each once */
    static Decoration decorated(MimeMessage message, Set<String> categories, String more) {
        return new Decoration(Outcome.DECORATED, message, String.join(",", categories) + more, categories);
    }

    static Decoration unchanged(Outcome outcome, String reason) {
        return new Decoration(outcome, null, reason, Set.of());
    }

    /** The categories of an explained bounce's recipients, each once (counted in James's metrics). */
    public Set<String> categories() {
        return categories;
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
