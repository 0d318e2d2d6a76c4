package io.maelezo.report;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

/**
 * What the sending server knows of a mail it could not deliver: everything
 * {@link DeliveryReportWriter} needs to write the explained delivery report (RFC 3464) for it.
 * The remote server's reply and every value from the mail's envelope are untrusted text: the
 * writer cleans and bounds them.
 */
public final class FailedDelivery {
    /** What of the failed mail goes back to its sender (DSNBounce's {@code attachment}, or the sender's RET). */
    public enum Attach {
        /** The whole mail, as {@code message/rfc822}. */
        MESSAGE,
        /** Its header only, as {@code text/rfc822-headers}. */
        HEADERS,
        /** Nothing of it. */
        NONE
    }

    /** One recipient that failed: its address, and the address the sender gave (ORCPT), if any. */
    public static final class Recipient {
        private final String address;
        private final Optional<String> originalAddress;

        public Recipient(String address, Optional<String> originalAddress) {
            this.address = Objects.requireNonNull(address);
            this.originalAddress = Objects.requireNonNull(originalAddress);
        }

        public String address() {
            return address;
        }

        public Optional<String> originalAddress() {
            return originalAddress;
        }
    }

    final String reportingMta;
    final Optional<String> receivedFromMta;
    final Optional<ZonedDateTime> arrivalDate;
    final Optional<String> envelopeId;
    final List<Recipient> recipients;
    final String reply;
    final ZonedDateTime lastAttempt;
    final String from;
    final String to;
    final MimeMessage original;
    final Attach attach;
    /** When only the original's headers go back because it is larger than this (bytes): "a light bounce". */
    final Optional<Long> headersOnlyAbove;

    private FailedDelivery(Builder builder) {
        this.reportingMta = Objects.requireNonNull(builder.reportingMta, "reportingMta");
        this.receivedFromMta = builder.receivedFromMta;
        this.arrivalDate = builder.arrivalDate;
        this.envelopeId = builder.envelopeId;
        this.recipients = List.copyOf(builder.recipients);
        this.reply = builder.reply;
        this.lastAttempt = Objects.requireNonNull(builder.lastAttempt, "lastAttempt");
        this.from = Objects.requireNonNull(builder.from, "from");
        this.to = Objects.requireNonNull(builder.to, "to");
        this.original = Objects.requireNonNull(builder.original, "original");
        this.attach = builder.attach;
        this.headersOnlyAbove = builder.headersOnlyAbove;
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a failed delivery has at least one recipient");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All values but the optional ones ({@code receivedFromMta}, {@code arrivalDate}, {@code envelopeId}) are required. */
    public static final class Builder {
        private String reportingMta;
        private Optional<String> receivedFromMta = Optional.empty();
        private Optional<ZonedDateTime> arrivalDate = Optional.empty();
        private Optional<String> envelopeId = Optional.empty();
        private final List<Recipient> recipients = new ArrayList<>();
        private String reply = "";
        private ZonedDateTime lastAttempt;
        private String from;
        private String to;
        private MimeMessage original;
        private Attach attach = Attach.MESSAGE;
        private Optional<Long> headersOnlyAbove = Optional.empty();

        private Builder() {
        }

        /** This server's name, for {@code Reporting-MTA}. */
        public Builder reportingMta(String name) {
            this.reportingMta = name;
            return this;
        }

        /** The host the failed mail came from, for {@code Received-From-MTA}. */
        public Builder receivedFromMta(Optional<String> name) {
            this.receivedFromMta = name;
            return this;
        }

        public Builder arrivalDate(Optional<ZonedDateTime> date) {
            this.arrivalDate = date;
            return this;
        }

        /** The sender's ENVID, for {@code Original-Envelope-Id}. */
        public Builder envelopeId(Optional<String> id) {
            this.envelopeId = id;
            return this;
        }

        public Builder recipient(Recipient recipient) {
            this.recipients.add(recipient);
            return this;
        }

        /** What the remote server replied (or what went wrong, in the sending server's words); may be empty. */
        public Builder reply(String reply) {
            this.reply = reply == null ? "" : reply;
            return this;
        }

        public Builder lastAttempt(ZonedDateTime date) {
            this.lastAttempt = date;
            return this;
        }

        /** The report's From: the postmaster, or who the admin says. */
        public Builder from(String address) {
            this.from = address;
            return this;
        }

        /** The report's To: the sender of the failed mail. */
        public Builder to(String address) {
            this.to = address;
            return this;
        }

        public Builder original(MimeMessage message) {
            this.original = message;
            return this;
        }

        public Builder attach(Attach attach) {
            this.attach = Objects.requireNonNull(attach);
            return this;
        }

        /**
         * The original is larger than this many bytes: only its headers go back
         * ({@code text/rfc822-headers}), and the explanation says why, and where the mail still is.
         */
        public Builder headersOnlyBecauseLargerThan(long limit) {
            this.attach = Attach.HEADERS;
            this.headersOnlyAbove = Optional.of(limit);
            return this;
        }

        /** Whether the whole failed mail goes back (so that a light bounce can still be chosen). */
        public boolean attachesMessage() {
            return attach == Attach.MESSAGE;
        }

        public FailedDelivery build() {
            return new FailedDelivery(this);
        }
    }
}
