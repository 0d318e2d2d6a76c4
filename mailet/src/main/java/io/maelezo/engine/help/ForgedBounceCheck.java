package io.maelezo.engine.help;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "You probably did not send this" (backscatter): a bounce from another server whose returned
 * original never passed through this installation. Said only when the original's headers are in the
 * bounce with at least one {@code Received:} line, none of them added by one of this installation's
 * hosts ({@code by HOST}) or naming one as where the mail came from ({@code from HOST ([ADDRESS])}),
 * and its {@code Message-ID} is not of one of its domains. Without the original's headers, or with a
 * Received line that does not say who added it, no claim.
 */
public final class ForgedBounceCheck {
    /** The host that added a Received line: RFC 5321's "by" clause (a name, or an address literal); qmail's "invoked by uid" is none. */
    private static final Pattern BY = Pattern.compile("(?:^|[\\s)])(?<!invoked )by\\s+(\\[[^\\]\\s]{1,64}\\]|[a-z0-9][a-z0-9.:_-]{0,252})", Pattern.CASE_INSENSITIVE);
    /** The start of the "from" clause (the name the sending host gave, and the names and address literals the receiver saw). */
    private static final Pattern FROM = Pattern.compile("\\s*from\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_OR_LITERAL = Pattern.compile("\\[[^\\]\\s]{1,64}\\]|[a-z0-9][a-z0-9.:_-]{0,252}", Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID_DOMAIN = Pattern.compile("@\\s*\\[?([^>\\]\\s]{1,253})\\]?\\s*>?\\s*$");

    private final Predicate<String> ownHost;
    private final Predicate<String> ownDomain;

    /**
     * @param ownHost   whether a host (name or address) is one of this installation's
     * @param ownDomain whether a domain is one of this installation's (a Message-ID of a subdomain counts too)
     */
    public ForgedBounceCheck(Predicate<String> ownHost, Predicate<String> ownDomain) {
        this.ownHost = ownHost;
        this.ownDomain = ownDomain;
    }

    /**
     * @param received  the returned original's Received header values, unfolded; empty when it has none
     * @param messageId its Message-ID, if any
     */
    public boolean suspected(List<String> received, Optional<String> messageId) {
        if (received.isEmpty()) {
            return false;
        }
        for (String line : received) {
            int semicolon = line.lastIndexOf(';');
            Matcher by = BY.matcher(semicolon < 0 ? line : line.substring(0, semicolon));
            if (!by.find() || ownHost.test(by.group(1)) || cameFromOwnHost(line, by.start())) {
                return false; // a line that does not say who added it proves nothing either way: no claim
            }
        }
        return messageId.flatMap(ForgedBounceCheck::domainOf).map(domain -> !ofOwnDomain(domain)).orElse(true);
    }

    /**
     * Whether the line says the mail came from one of this installation's hosts (its name or address),
     * in its "from" clause: the words before its "by" clause, which starts at {@code byClause}.
     */
    private boolean cameFromOwnHost(String received, int byClause) {
        Matcher from = FROM.matcher(received).region(0, byClause);
        if (!from.lookingAt()) {
            return false;
        }
        Matcher host = HOST_OR_LITERAL.matcher(received).region(from.end(), byClause);
        while (host.find()) {
            if (ownHost.test(host.group())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> domainOf(String messageId) {
        Matcher domain = MESSAGE_ID_DOMAIN.matcher(messageId.strip());
        return domain.find() ? Optional.of(domain.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The domain or one it is a subdomain of ({@code host.maelezo.test} is of {@code maelezo.test}). */
    private boolean ofOwnDomain(String domain) {
        for (String part = domain; part.contains("."); part = part.substring(part.indexOf('.') + 1)) {
            if (ownDomain.test(part) || ownHost.test(part)) {
                return true;
            }
        }
        return false;
    }
}
