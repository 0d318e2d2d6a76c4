package io.maelezo.engine.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;
import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.match.ReplyText;

/**
 * One DNS blocklist (or reputation service) operator, as {@code blocklists.tsv} describes it:
 * a stable id, the name people know, what identifies it in a rejection (zone and host names,
 * words), its official lookup page, and when a "listing" really means that the recipient's
 * server is misconfigured (a closed list, an answer that is an error code).
 */
public final class BlocklistOperator {
    private final String id;
    private final String name;
    private final Category category;
    private final List<String> identifiers;
    private final String lookupUrl;
    private final String lookupUrlWithoutIp;
    private final KeywordIndex misconfiguredWhen;
    private final Category misconfiguredCategory;
    private final KeywordIndex otherKindWhen;
    private final Pattern redact;
    private final String redactWhen;

    /**
     * @param category          what a listing on it means: {@code blocklisted} (the sending server is listed) or
     *                          {@code spam} (a domain or link in the message is listed, as on the Spamhaus DBL)
     * @param misconfiguredWhen a regex, or empty: when a reply matches, the listing means a misconfigured server
     * @param misconfiguredCategory what such a reply means: server-error (an error answer), or blocklisted (a closed list)
     * @param redact            a regex for secrets to remove from replies, or null
     * @param redactWhen        what a reply must contain (any case) for {@code redact} to be tried; empty: always
     */
    public BlocklistOperator(String id, String name, Category category, List<String> identifiers, String lookupUrl, String lookupUrlWithoutIp,
                      String misconfiguredWhen, Category misconfiguredCategory, Pattern redact, String redactWhen) {
        this(id, name, category, identifiers, lookupUrl, lookupUrlWithoutIp, misconfiguredWhen, misconfiguredCategory, null, redact, redactWhen);
    }

    /**
     * @param otherKindWhen a regex, or empty: when a reply matches, what is listed is of the other kind: the
     *                      sending server's own name on a list of domains (blocklisted), or a link or domain of
     *                      the message on a list of servers (spam)
     */
    public BlocklistOperator(String id, String name, Category category, List<String> identifiers, String lookupUrl, String lookupUrlWithoutIp,
                      String misconfiguredWhen, Category misconfiguredCategory, String otherKindWhen, Pattern redact, String redactWhen) {
        this.id = id;
        this.name = name;
        this.category = category;
        this.identifiers = List.copyOf(identifiers);
        this.lookupUrl = lookupUrl;
        this.lookupUrlWithoutIp = lookupUrlWithoutIp;
        this.misconfiguredCategory = misconfiguredCategory == null ? Category.SERVER_ERROR : misconfiguredCategory;
        this.misconfiguredWhen = optionalIndex(misconfiguredWhen);
        this.otherKindWhen = optionalIndex(otherKindWhen);
        this.redact = redact;
        this.redactWhen = redactWhen == null ? "" : redactWhen.toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** What a listing on this operator's list means (see {@code blocklists.tsv}). */
    public Category category() {
        return category;
    }

    private static KeywordIndex optionalIndex(String regex) {
        return regex == null || regex.isEmpty() ? null : new KeywordIndex(List.of(regex));
    }

    /**
     * What this reply's listing means: the row's category, or the other kind where the reply says
     * what is listed (the sending server's own name on a list of domains: blocklisted; a link or
     * domain of the message on a list of servers: spam).
     */
    public Category categoryOf(ReplyText reply) {
        if (otherKindWhen == null || otherKindWhen.firstMatching(reply) < 0) {
            return category;
        }
        return category == Category.SPAM ? Category.BLOCKLISTED : Category.SPAM;
    }

    /** True when the operator lists sending servers' addresses (so the address in a rejection is the listed one). */
    public boolean listsServers() {
        return category == Category.BLOCKLISTED;
    }

    public List<String> identifiers() {
        return identifiers;
    }

    /** The lookup page for this address, or the general page when no address is known. */
    public Optional<String> lookupUrl(Optional<String> listedIp) {
        if (listedIp.isPresent() && !lookupUrl.isEmpty()) {
            return Optional.of(lookupUrl.replace("{ip}", listedIp.get()));
        }
        return lookupUrlWithoutIp.isEmpty() ? Optional.empty() : Optional.of(lookupUrlWithoutIp);
    }

    /** True when this reply shows the recipient's server misusing the list, not a real listing. */
    public boolean meansMisconfiguredServer(ReplyText reply) {
        return misconfiguredWhen != null && misconfiguredWhen.firstMatching(reply) >= 0;
    }

    /** The category of a reply that shows the recipient's server misusing this list. */
    public Category misconfiguredCategory() {
        return misconfiguredCategory;
    }

    /** The reply with secrets this operator's rejections are known to leak (query keys) removed. */
    public String redact(ReplyText reply) {
        if (redact == null || (!redactWhen.isEmpty() && !reply.folded().contains(redactWhen))) {
            return reply.text();
        }
        return redact.matcher(reply.text()).replaceAll("[removed]");
    }
}
