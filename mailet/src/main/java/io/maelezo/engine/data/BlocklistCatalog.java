package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * All blocklist operators of {@code blocklists.tsv}, and the search for one of them in a
 * rejection text. Every identifier of every operator goes into one pattern, so the cost of a
 * search hardly grows with the number of operators.
 */
public final class BlocklistCatalog {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\w.]|\\.\\w)");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])((?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4})(?![\\w:])");

    private final List<BlocklistOperator> operators;
    /** One pattern per operator: any of its identifiers, as a whole word. */
    private final List<Pattern> identifierPatterns;
    private final KeywordIndex index;

    private BlocklistCatalog(List<BlocklistOperator> operators) {
        this.operators = List.copyOf(operators);
        this.identifierPatterns = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (BlocklistOperator operator : operators) {
            // Longest identifiers first, so that "zen.spamhaus.org" is read whole.
            String source = operator.identifiers().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\w-])(?:", ")(?![\\w-])"));
            identifierPatterns.add(Pattern.compile(source, Pattern.CASE_INSENSITIVE));
            sources.add(operator.identifiers().stream().map(BlocklistCatalog::keyable).collect(Collectors.joining("|", "(", ")")));
        }
        this.index = new KeywordIndex(sources, identifierPatterns);
    }

    /** An identifier as the keyword index reads a pattern: its literal letters, signs escaped. */
    private static String keyable(String identifier) {
        StringBuilder out = new StringBuilder();
        for (char c : identifier.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c);
        }
        return out.toString();
    }

    public static BlocklistCatalog load() {
        List<BlocklistOperator> operators = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("blocklists.tsv").rows()) {
            operators.add(new BlocklistOperator(
                row.get("id"),
                row.get("name"),
                Arrays.stream(row.get("identifiers").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()),
                row.get("lookup_url"),
                row.get("lookup_url_without_ip"),
                optionalPattern(row.get("misconfigured_when")),
                optionalPattern(row.get("redact"))));
        }
        return new BlocklistCatalog(operators);
    }

    private static Pattern optionalPattern(String regex) {
        return regex.isEmpty() ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** This catalog and more operators (a site's own lists; the benchmarks' many operators). */
    public BlocklistCatalog withOperators(List<BlocklistOperator> more) {
        List<BlocklistOperator> all = new ArrayList<>(operators);
        all.addAll(more);
        return new BlocklistCatalog(all);
    }

    public List<BlocklistOperator> operators() {
        return operators;
    }

    public Optional<BlocklistOperator> byId(String id) {
        return operators.stream().filter(operator -> operator.id().equals(id)).findFirst();
    }

    /** The first operator named in the text, if any. */
    public Optional<BlocklistOperator> find(String text) {
        return find(Words.of(text));
    }

    /** The operator named first in the text, if any. */
    public Optional<BlocklistOperator> find(Words words) {
        java.util.BitSet candidates = index.candidates(words);
        BlocklistOperator first = null;
        int firstAt = Integer.MAX_VALUE;
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            int at = index.matchStart(i, words);
            if (at >= 0 && at < firstAt) {
                firstAt = at;
                first = operators.get(i);
            }
        }
        return Optional.ofNullable(first);
    }

    /** The listed address a rejection names (the sending server's IP), if it names one. */
    public static Optional<String> listedAddress(String text) {
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            String ip = v4.group(1);
            if (!ip.startsWith("127.")) {
                return Optional.of(ip);
            }
        }
        Matcher v6 = IPV6.matcher(text);
        return v6.find() ? Optional.of(v6.group(1)) : Optional.empty();
    }
}
