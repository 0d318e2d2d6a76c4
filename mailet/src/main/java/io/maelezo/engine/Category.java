package io.maelezo.engine;

import java.util.Optional;

/**
 * What kind of delivery failure a reply describes. The ids are an interface: the CLI prints
 * them, mail attributes carry them and the texts are keyed by them. Never rename one.
 */
public enum Category {
    MAILBOX_UNKNOWN("mailbox-unknown"),
    MAILBOX_FULL("mailbox-full"),
    MAILBOX_DISABLED("mailbox-disabled"),
    MAILBOX_MOVED("mailbox-moved"),
    DOMAIN_UNKNOWN("domain-unknown"),
    ADDRESS_INVALID("address-invalid"),
    MESSAGE_TOO_LARGE("message-too-large"),
    BLOCKLISTED("blocklisted"),
    SPAM("spam"),
    MALWARE("malware"),
    AUTHENTICATION("authentication"),
    RELAY_DENIED("relay-denied"),
    POLICY("policy"),
    RATE_LIMITED("rate-limited"),
    GREYLISTED("greylisted"),
    TLS_REQUIRED("tls-required"),
    SERVER_ERROR("server-error"),
    PROTOCOL_ERROR("protocol-error"),
    NETWORK("network"),
    EXPIRED("expired"),
    UNKNOWN("unknown");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Category> fromId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #fromId} for data files: an unknown id there is a bug in the data, said loudly. */
    public static Category requireId(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("unknown category id '" + id + "'"));
    }

    @Override
    public String toString() {
        return id;
    }
}
