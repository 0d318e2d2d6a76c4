package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.maelezo.engine.Category;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.parse.Ipv4Scanner;
import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.match.ReplyText;

/**
 * All blocklist operators of {@code blocklists.tsv}, and the search for one of them in a
 * rejection text. Each operator is one pattern (any of its identifiers, as a whole word) in a
 * {@link KeywordIndex}, so the cost of a search hardly grows with the number of operators.
 */
public final class BlocklistCatalog {
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])((?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4})(?![\\w:])");

    /**
     * After an identifier, the host name (or word) must end: {@code zen.spamhaus.org} is found in
     * "blocked using zen.spamhaus.org." and in a URL path, never in {@code www.spamhaus.org.evil.example}.
     * Before it, a dot is allowed: {@code x.zen.spamhaus.org} ends with the identifier (a label suffix).
     */
    private static final String HOST_ENDS = "(?![\\w-]|\\.[\\w-])";

    private final List<BlocklistOperator> operators;
    /** The row {@code *}: words that show a misused list whatever operator is named (a look-up that failed). */
    private final BlocklistOperator anyOperator;
    /** One pattern per operator (any of its identifiers), indexed: the operators of domain lists, then the others. */
    private final KeywordIndex contentIndex;
    private final KeywordIndex serverIndex;
    private final List<BlocklistOperator> contentOperators = new ArrayList<>();
    private final List<BlocklistOperator> serverOperators = new ArrayList<>();

    private BlocklistCatalog(List<BlocklistOperator> operators, BlocklistOperator anyOperator) {
        this.operators = List.copyOf(operators);
        this.anyOperator = anyOperator;
        List<String> contentPatterns = new ArrayList<>();
        List<String> serverPatterns = new ArrayList<>();
        for (BlocklistOperator operator : operators) {
            if (operator.identifiers().isEmpty()) {
                // Named only by a provider's own code (vendor-codes.tsv), never by words: Yahoo's [TSS04].
                continue;
            }
            String pattern = operator.identifiers().stream()
                .map(BlocklistCatalog::literal)
                .collect(Collectors.joining("|", "(?<![\\w-])(?:", ")" + HOST_ENDS));
            if (operator.listsServers()) {
                serverOperators.add(operator);
                serverPatterns.add(pattern);
            } else {
                contentOperators.add(operator);
                contentPatterns.add(pattern);
            }
        }
        this.contentIndex = new KeywordIndex(contentPatterns);
        this.serverIndex = new KeywordIndex(serverPatterns);
    }

    /** An identifier as a regex that matches it literally: every sign escaped, so its letters can be indexed. */
    private static String literal(String identifier) {
        StringBuilder out = new StringBuilder();
        for (char c : identifier.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c);
        }
        return out.toString();
    }

    public static BlocklistCatalog load() {
        List<BlocklistOperator> operators = new ArrayList<>();
        BlocklistOperator anyOperator = null;
        for (Map<String, String> row : TsvTable.load("blocklists.tsv").rows()) {
            BlocklistOperator operator = new BlocklistOperator(
                row.get("id"),
                row.get("name"),
                Category.requireId(row.get("category")),
                Arrays.stream(row.get("identifiers").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()),
                row.get("lookup_url"),
                row.get("lookup_url_without_ip"),
                row.get("misconfigured_when"),
                row.get("misconfigured_category").isEmpty() ? null : Category.requireId(row.get("misconfigured_category")),
                row.get("other_kind_when"),
                optionalPattern(row.get("redact")),
                row.get("redact_when"));
            if (operator.id().equals("*")) {
                anyOperator = operator;
            } else {
                operators.add(operator);
            }
        }
        return new BlocklistCatalog(operators, anyOperator);
    }

    private static Pattern optionalPattern(String regex) {
        return regex.isEmpty() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** This catalog and more operators (a site's own lists; the benchmarks' many operators). */
    public BlocklistCatalog withOperators(List<BlocklistOperator> more) {
        List<BlocklistOperator> all = new ArrayList<>(operators);
        all.addAll(more);
        return new BlocklistCatalog(all, anyOperator);
    }

    /**
     * What a reply that names {@code operator} means when it shows the recipient's server misusing
     * the list (the operator's own words, then those of the row {@code *}), or empty for a real listing.
     */
    public Optional<Category> misconfiguredCategory(BlocklistOperator operator, ReplyText words) {
        if (operator.meansMisconfiguredServer(words)) {
            return Optional.of(operator.misconfiguredCategory());
        }
        if (anyOperator != null && anyOperator.meansMisconfiguredServer(words)) {
            return Optional.of(anyOperator.misconfiguredCategory());
        }
        return Optional.empty();
    }

    public List<BlocklistOperator> operators() {
        return operators;
    }

    public Optional<BlocklistOperator> byId(String id) {
        return operators.stream().filter(operator -> operator.id().equals(id)).findFirst();
    }

    /** The first operator named in the text, if any. */
    public Optional<BlocklistOperator> find(String text) {
        return find(ReplyText.of(text));
    }

    /**
     * The operator named in the text, if any: an operator of a domain list first (a reply that
     * names {@code dbl.spamhaus.org} often says "Spamhaus" too), else the one named first.
     */
    public Optional<BlocklistOperator> find(ReplyText words) {
        KeywordIndex.Hit hit = contentIndex.earliest(words);
        if (hit != null) {
            return Optional.of(contentOperators.get(hit.pattern()));
        }
        hit = serverIndex.earliest(words);
        return hit == null ? Optional.empty() : Optional.of(serverOperators.get(hit.pattern()));
    }

    /**
     * The listed address a rejection names (the sending server's IP), if it names one: in the
     * answering server's own words, never in the transcript before them, whose address is the
     * answering server's own (a removal asked for it would be of no use).
     */
    public static Optional<String> listedAddress(String text) {
        int words = DiagnosticParser.serverWordsStart(text);
        String v4 = Ipv4Scanner.find(text, words, ip -> !ip.startsWith("127."));
        if (v4 != null) {
            return Optional.of(v4);
        }
        Matcher v6 = IPV6.matcher(text);
        return v6.find(words) ? Optional.of(v6.group(1)) : Optional.empty();
    }
}
