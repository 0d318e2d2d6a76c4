package io.maelezo.report;

import java.text.ParsePosition;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.mail.internet.MailDateFormat;

/** The per-recipient fields of a {@code message/delivery-status} part (RFC 3464 section 2.3). */
public final class RecipientStatus {
    private static final Pattern ADDRESS_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    private final String finalRecipient;
    private final String action;
    private final String status;
    private final String diagnosticCode;
    private final String willRetryUntil;
    private final String originalRecipient;
    private final String actualRecipient;

    public RecipientStatus(String finalRecipient, String action, String status, String diagnosticCode) {
        this(finalRecipient, action, status, diagnosticCode, null);
    }

    /** @param willRetryUntil the {@code Will-Retry-Until:} field (an RFC 5322 date-time), or null */
    public RecipientStatus(String finalRecipient, String action, String status, String diagnosticCode, String willRetryUntil) {
        this(finalRecipient, action, status, diagnosticCode, willRetryUntil, null);
    }

    /** @param originalRecipient the {@code Original-Recipient:} field (RFC 3464 2.3.1: as the sender wrote it), or null */
    public RecipientStatus(String finalRecipient, String action, String status, String diagnosticCode, String willRetryUntil,
                           String originalRecipient) {
        this(finalRecipient, action, status, diagnosticCode, willRetryUntil, originalRecipient, null);
    }

    /**
     * @param actualRecipient sendmail's {@code X-Actual-Recipient:} field: the address an alias or a
     *                        forwarding of the Final-Recipient led to, which is the one that failed; or null
     */
    public RecipientStatus(String finalRecipient, String action, String status, String diagnosticCode, String willRetryUntil,
                           String originalRecipient, String actualRecipient) {
        this.originalRecipient = originalRecipient;
        this.actualRecipient = actualRecipient;
        this.finalRecipient = finalRecipient;
        this.action = action;
        this.status = status;
        this.diagnosticCode = diagnosticCode;
        this.willRetryUntil = willRetryUntil;
    }

    /** The address, without its {@code rfc822;} type or the angle brackets some servers put around it (McAfee). */
    public String recipient() {
        return withoutBrackets(withoutType(finalRecipient).orElse(""));
    }

    /**
     * The address the sender wrote, when the report gives it apart from the one that failed: the
     * mail was passed on (an alias or a forwarding) to {@link #recipient()}. Empty when the report
     * gives none, or the same address (its case or quotes aside).
     */
    public Optional<String> forwardedFrom() {
        Optional<String> original = withoutType(originalRecipient).map(RecipientStatus::withoutBrackets);
        return original.filter(address -> address.indexOf('@') > 0 && !comparable(address).equals(comparable(recipient())));
    }

    /**
     * The address the mail was passed on to, when the report names it apart from the recipient it
     * was written to: sendmail writes the Final-Recipient as the sender wrote it and the address its
     * alias or .forward led to as {@code X-Actual-Recipient} (Sisimai's sendmail-03, -58). Empty when
     * there is none, it is the same address, or it is no address (a program: "|/usr/bin/procmail ...").
     */
    public Optional<String> passedOnTo() {
        Optional<String> actual = withoutType(actualRecipient).map(RecipientStatus::withoutBrackets);
        return actual.filter(address -> address.indexOf('@') > 0 && address.chars().noneMatch(Character::isWhitespace)
            && !address.startsWith("|") && !address.startsWith("/") && !comparable(address).equals(comparable(recipient())));
    }

    private static String withoutBrackets(String address) {
        return address.length() > 2 && address.startsWith("<") && address.endsWith(">") ? address.substring(1, address.length() - 1).trim() : address;
    }

    private static String comparable(String address) {
        return address.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    public Optional<String> action() {
        return Optional.ofNullable(action).map(value -> value.trim().toLowerCase(Locale.ROOT));
    }

    public Optional<String> status() {
        return Optional.ofNullable(status).map(String::trim);
    }

    /** The diagnostic text without its {@code smtp;} type: the remote server's own words. */
    public Optional<String> diagnostic() {
        return withoutType(diagnosticCode);
    }

    /**
     * Until when the reporting server says it keeps trying (a delayed recipient's
     * {@code Will-Retry-Until:}, RFC 3464 2.3.9); empty for a recipient that is not delayed (the
     * field means nothing there, and a date parser is dear to make), when the field is absent, or
     * when it is no date javax.mail can read.
     */
    public Optional<Instant> willRetryUntil() {
        if (!isDelayed() || willRetryUntil == null || willRetryUntil.length() > 200) {
            return Optional.empty();
        }
        Date date = new MailDateFormat().parse(willRetryUntil.trim(), new ParsePosition(0));
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    /** A delivery that failed or is delayed: what maelezo explains. Delivered, relayed, expanded are not failures. */
    public boolean isFailure() {
        return action().map(value -> !(value.startsWith("delivered") || value.startsWith("relayed") || value.startsWith("expanded")))
            .orElse(true);
    }

    public boolean isDelayed() {
        return action().map("delayed"::equals).orElse(false);
    }

    private static Optional<String> withoutType(String field) {
        if (field == null) {
            return Optional.empty();
        }
        String value = field.trim();
        int semicolon = value.indexOf(';');
        if (semicolon > 0 && semicolon < 20 && ADDRESS_TYPE.matcher(value.substring(0, semicolon)).matches()) {
            value = value.substring(semicolon + 1).trim();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
