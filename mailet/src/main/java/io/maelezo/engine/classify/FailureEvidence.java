package io.maelezo.engine.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is known of one recipient's failed (or delayed) delivery, from whichever source has it:
 * the reply about this recipient (a report's Diagnostic-Code, or the words a text bounce gives
 * it), the report's {@code Status:} for it, whether the reporting server still tries, what the
 * sending server recorded for the whole mail (James's {@code delivery-error}: one reply, whichever
 * recipient it was about), the mail's other recipients, and the words of the whole bounce.
 * Plain values only: the MIME and James layers fill it in; {@link FailureClassifier} decides.
 */
public final class FailureEvidence {
    private final String recipient;
    private final String reply;
    private final String reportedStatus;
    private final Action action;
    private final String sendersReply;
    private final List<String> otherRecipients;
    private final Supplier<String> bounceWords;
    private final boolean forwarded;

    private FailureEvidence(Builder builder) {
        this.recipient = builder.recipient;
        this.reply = builder.reply;
        this.reportedStatus = builder.reportedStatus;
        this.action = builder.action;
        this.sendersReply = builder.sendersReply;
        this.otherRecipients = List.copyOf(builder.otherRecipients);
        this.bounceWords = builder.bounceWords;
        this.forwarded = builder.forwarded;
    }

    public static Builder of(String recipient) {
        return new Builder(recipient);
    }

    /** The recipient's address; empty when the bounce does not say which recipient failed. */
    public String recipient() {
        return recipient;
    }

    /** The words about this recipient (may be empty). */
    public String reply() {
        return reply;
    }

    /** The report's {@code Status:} for this recipient ({@code 5.1.1}), when it gave one. */
    public Optional<String> reportedStatus() {
        return Optional.ofNullable(reportedStatus);
    }

    public Action action() {
        return action;
    }

    /** The one reply the sending server kept for the whole mail (James's delivery-error), when known. */
    public Optional<String> sendersReply() {
        return Optional.ofNullable(sendersReply);
    }

    /** The mail's other failed recipients. */
    public List<String> otherRecipients() {
        return otherRecipients;
    }

    /**
     * The report says the mail was passed on from this recipient (the address the sender wrote) to
     * another address, which is the one that failed (its Original-Recipient and Final-Recipient differ).
     */
    public boolean forwarded() {
        return forwarded;
    }

    /** The whole bounce's own words (and subject), read only when the reply says nothing and this is its only recipient. */
    public Optional<String> bounceWords() {
        return bounceWords == null ? Optional.empty() : Optional.ofNullable(bounceWords.get());
    }

    /** Builds the evidence of one recipient; only the recipient is required. */
    public static final class Builder {
        private final String recipient;
        private String reply = "";
        private String reportedStatus;
        private Action action = Action.FAILED;
        private String sendersReply;
        private List<String> otherRecipients = List.of();
        private Supplier<String> bounceWords;
        private boolean forwarded;

        private Builder(String recipient) {
            this.recipient = Objects.requireNonNull(recipient);
        }

        public Builder reply(String reply) {
            this.reply = Objects.requireNonNull(reply);
            return this;
        }

        public Builder reportedStatus(String status) {
            this.reportedStatus = status;
            return this;
        }

        public Builder action(Action action) {
            this.action = Objects.requireNonNull(action);
            return this;
        }

        public Builder sendersReply(String reply) {
            this.sendersReply = reply;
            return this;
        }

        public Builder otherRecipients(List<String> others) {
            this.otherRecipients = Objects.requireNonNull(others);
            return this;
        }

        public Builder bounceWords(String words) {
            this.bounceWords = words == null ? null : () -> words;
            return this;
        }

        /** The bounce's words, read only if they are needed (reading them means reading the whole bounce's text). */
        public Builder bounceWords(Supplier<String> words) {
            this.bounceWords = words;
            return this;
        }

        public Builder forwarded(boolean forwarded) {
            this.forwarded = forwarded;
            return this;
        }

        public FailureEvidence build() {
            return new FailureEvidence(this);
        }
    }
}
