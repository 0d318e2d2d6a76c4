package io.maelezo.engine.data;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One DNS blocklist (or reputation service) operator, as {@code blocklists.tsv} describes it:
 * a stable id, the name people know, what identifies it in a rejection (zone and host names,
 * words), its official lookup page, and when a "listing" really means that the recipient's
 * server is misconfigured (a closed list, an answer that is an error code).
 */
public final class BlocklistOperator {
    private final String id;
    private final String name;
    private final List<String> identifiers;
    private final String lookupUrl;
    private final String lookupUrlWithoutIp;
    private final Pattern misconfiguredWhen;
    private final Pattern redact;

    public BlocklistOperator(String id, String name, List<String> identifiers, String lookupUrl, String lookupUrlWithoutIp,
                      Pattern misconfiguredWhen, Pattern redact) {
        this.id = id;
        this.name = name;
        this.identifiers = List.copyOf(identifiers);
        this.lookupUrl = lookupUrl;
        this.lookupUrlWithoutIp = lookupUrlWithoutIp;
        this.misconfiguredWhen = misconfiguredWhen;
        this.redact = redact;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
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
    public boolean meansMisconfiguredServer(String reply) {
        return misconfiguredWhen != null && misconfiguredWhen.matcher(reply).find();
    }

    /** The reply with secrets this operator's rejections are known to leak (query keys) removed. */
    public String redact(String reply) {
        return redact == null ? reply : redact.matcher(reply).replaceAll("[removed]");
    }
}
