package io.maelezo.engine.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.text.ExplanationWriter;

/**
 * A remote server refused this installation itself, not one mail or one person: its sending
 * address on a blocklist (a reputation block such as Microsoft's S3150 or 5.7.606-649 included),
 * one of its domains on a domain blocklist, or an SPF, DKIM, DMARC or reverse-DNS check of its
 * own failing. The postmaster hears of each once per {@code alertInterval} ({@link AlertLedger}).
 * A "listing" that shows the recipient's server misusing the list (Spamhaus's "open resolver"
 * answer) is not one: the recipient's server is misconfigured. One of this installation's domains
 * that remote servers do not find in DNS (text-variants.tsv's sender-domain-unknown) is one. A
 * sending quota or a suspended account (its other sender-side groups) are not: they belong to one
 * account or to a relay, and their texts ask the reader to forward the notice to the provider.
 */
public final class Refusal {
    /** What was refused, as the alert and the health check name it. */
    public enum Kind {
        BLOCKLISTED("sending address on a blocklist"),
        DOMAIN_BLOCKLISTED("domain on a domain blocklist"),
        SERVER_NAME_BLOCKLISTED("server name on a domain blocklist"),
        AUTHENTICATION("sender authentication failing"),
        SENDER_DOMAIN("sending domain not found in DNS");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The texts' group of a refusal for the sender's domain missing from DNS (text-variants.tsv). */
    private static final String SENDER_DOMAIN_GROUP = "sender-domain-unknown";

    /** The domain a domain blocklist's reply names: its lookup page, or "domain X is listed". */
    private static final Pattern LISTED_DOMAIN = Pattern.compile(
        "(?:query/domain/|domain |\\b)([a-z0-9](?:[a-z0-9-]{0,62}\\.)+[a-z]{2,63})(?:\\s+is)?\\s+(?:listed|blocked|in )", Pattern.CASE_INSENSITIVE);
    /** The server name in Postfix's "Client host [name] blocked using ..." or "Helo command [name] ...". */
    private static final Pattern LISTED_SERVER_NAME = Pattern.compile("\\[([a-z0-9](?:[a-z0-9-]{0,62}\\.)+[a-z]{2,63})\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOKUP_DOMAIN = Pattern.compile("query/domain/([a-z0-9.-]{1,253})", Pattern.CASE_INSENSITIVE);
    /** The checks an authentication refusal names, in the words servers use. */
    private static final Map<String, Pattern> CHECKS = checks("SPF", "spf", "DKIM", "dkim", "DMARC", "dmarc",
        "reverse DNS", "reverse dns|reverse hostname|reverse lookup|rdns|ptr");

    private static Map<String, Pattern> checks(String... nameThenWords) {
        Map<String, Pattern> checks = new LinkedHashMap<>();
        for (int i = 0; i < nameThenWords.length; i += 2) {
            checks.put(nameThenWords[i], Pattern.compile("\\b(?:" + nameThenWords[i + 1] + ")\\b", Pattern.CASE_INSENSITIVE));
        }
        return checks;
    }

    private final Kind kind;
    private final String party;
    private final String listed;
    private final Optional<String> page;

    Refusal(Kind kind, String party, String listed, Optional<String> page) {
        this.kind = kind;
        this.party = party;
        this.listed = listed;
        this.page = page;
    }

    /**
     * The refusal of this installation a failure shows, if it is one.
     *
     * @param recipient the recipient whose server refused
     * @param sender    the mail's sender (its domain is the one SPF, DKIM and DMARC are about)
     * @param ownDomain whether a domain is one of this installation's
     */
    public static Optional<Refusal> of(Classification failure, String recipient, String sender, Predicate<String> ownDomain) {
        if (failure.misconfiguredBlocklist() || failure.aboutAnotherRecipient()) {
            return Optional.empty();
        }
        String provider = domainOf(recipient);
        String reply = failure.diagnostic().text();
        if (failure.serverNameListed()) {
            Matcher name = LISTED_SERVER_NAME.matcher(reply);
            return Optional.of(new Refusal(Kind.SERVER_NAME_BLOCKLISTED, failure.blocklist().get().name(),
                name.find() ? name.group(1).toLowerCase(Locale.ROOT) : "", failure.blocklistUrl()));
        }
        if (failure.blocklist().isPresent() && !failure.blocklist().get().listsServers()) {
            return listedDomain(reply).filter(ownDomain)
                .map(domain -> new Refusal(Kind.DOMAIN_BLOCKLISTED, failure.blocklist().get().name(), domain, failure.blocklistUrl()));
        }
        if (failure.category() == Category.BLOCKLISTED) {
            String party = failure.blocklist().map(operator -> operator.name()).orElse(provider);
            return Optional.of(new Refusal(Kind.BLOCKLISTED, party, failure.listedAddress().orElse(""),
                failure.blocklistUrl()));
        }
        String group = ExplanationWriter.reasonGroup(failure);
        if (group.equals(SENDER_DOMAIN_GROUP) && ownDomain.test(domainOf(sender))) {
            return Optional.of(new Refusal(Kind.SENDER_DOMAIN, provider, domainOf(sender), Optional.empty()));
        }
        if (group.equals(Category.AUTHENTICATION.id())) {
            return Optional.of(new Refusal(Kind.AUTHENTICATION, provider, String.join("/", checksNamed(reply)) + " (" + domainOf(sender) + ")", Optional.empty()));
        }
        return Optional.empty();
    }

    private static Optional<String> listedDomain(String reply) {
        Matcher lookup = LOOKUP_DOMAIN.matcher(reply);
        if (lookup.find()) {
            return Optional.of(lookup.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher named = LISTED_DOMAIN.matcher(reply);
        return named.find() ? Optional.of(named.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static List<String> checksNamed(String reply) {
        List<String> named = new ArrayList<>();
        CHECKS.forEach((name, words) -> {
            if (words.matcher(reply).find()) {
                named.add(name);
            }
        });
        return named.isEmpty() ? List.of("SPF", "DKIM", "DMARC", "reverse DNS") : named;
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** Who refused: the blocklist's operator, or the receiving provider (the recipient's domain). */
    public String party() {
        return party;
    }

    /** What is listed or failing: an IP address (empty when the reply names none), a domain, or the checks and the domain they are about. */
    public String listed() {
        return listed;
    }

    /** The operator's lookup or delisting page, from maelezo's data. */
    public Optional<String> page() {
        return page;
    }

    /** One refusal for each (what, who, which address or domain): bounces of the same refusal count together. */
    public String key() {
        return kind + "|" + party + "|" + listed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Refusal && key().equals(((Refusal) other).key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return kind.words() + " (" + party + (listed.isEmpty() ? "" : ": " + listed) + ")";
    }
}
