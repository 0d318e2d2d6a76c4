package io.maelezo.engine.help;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.maelezo.engine.knowledge.TsvTable;

/**
 * "Je, ulimaanisha asha@gmail.com?": the well-known mail domain a recipient's domain that does not
 * exist was probably meant to be. Offered only when the domain is not itself well known and one
 * well-known domain is one or two edits away (insertions, deletions, substitutions) and nearer than
 * every other: {@code gmail.con} is one edit from gmail.com and two from mail.com, so gmail.com;
 * {@code gmx.co} is one from gmx.com and gmx.de alike, so no guess. The domains: {@code io/maelezo/data/mail-domains.tsv}, and the admin's own file
 * ({@code mailDomainsFile}: one domain per line, {@code #} comments).
 */
public final class DomainSuggestions {
    static final int MAX_EDITS = 2;
    private static final LevenshteinDistance WITHIN_REACH = new LevenshteinDistance(MAX_EDITS);

    private final Set<String> known;

    private DomainSuggestions(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** The shipped domains. */
    public static DomainSuggestions shipped() {
        return new DomainSuggestions(shippedDomains());
    }

    /** The shipped domains and the admin's (a file that cannot be read: an IllegalArgumentException naming the setting). */
    public static DomainSuggestions withAdminFile(Optional<Path> file, String setting) {
        if (file.isEmpty()) {
            return shipped();
        }
        Set<String> domains = shippedDomains();
        try {
            for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
                String domain = line.strip();
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(normalised(domain));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("maelezo setting '" + setting + "' names " + file.get()
                + ", which cannot be read as UTF-8 text (one mail domain per line): " + e.getMessage(), e);
        }
        return new DomainSuggestions(domains);
    }

    private static Set<String> shippedDomains() {
        Set<String> domains = new LinkedHashSet<>();
        for (Map<String, String> row : TsvTable.load("mail-domains.tsv").rows()) {
            domains.add(normalised(row.get("domain")));
        }
        return domains;
    }

    private static String normalised(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The address with its domain corrected, when exactly one well-known domain is that close; else empty. */
    public Optional<String> suggest(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        String domain = normalised(address.substring(at + 1));
        if (known.contains(domain)) {
            return Optional.empty();
        }
        String closest = null;
        int nearest = MAX_EDITS + 1;
        boolean tie = false;
        for (String candidate : known) {
            if (Math.abs(candidate.length() - domain.length()) > MAX_EDITS) {
                continue;
            }
            int edits = WITHIN_REACH.apply(domain, candidate);
            if (edits < 0 || edits > nearest) {
                continue;
            }
            tie = edits == nearest;
            nearest = edits;
            closest = candidate;
        }
        if (tie) {
            return Optional.empty(); // two are as likely: no guess
        }
        return Optional.ofNullable(closest).map(candidate -> address.substring(0, at + 1) + candidate);
    }

    /** The domains known, for tests and the census. */
    List<String> domains() {
        return List.copyOf(known);
    }
}
