package io.maelezo.engine.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Finds which of many patterns match a reply without running them all. Every pattern of the
 * knowledge files starts at a word ({@code \b(mailbox full|over ?quota|...)\b}). Each pattern is
 * cut into its alternatives ({@link PatternPieces}); the literal start of each alternative
 * ("mailbox full", "over") is looked for in the reply, all of them in one pass (an Aho-Corasick
 * automaton: hankcs's aho-corasick-double-array-trie, inside maelezo's jar), and only an
 * alternative whose literal start is there, at the start of a word, is run as a regex, at that
 * place. So the cost of a reply depends on its words, not on how many patterns or alternatives the
 * files hold (measured: running every pattern instead costs {@code classify --eml} 75% more CPU).
 * <p>
 * An alternative whose start cannot be read (an optional group, a character class) is searched
 * the plain way; one that starts with letters outside ASCII (Japanese has no spaces between
 * words) is looked for anywhere in the text, not only at the start of a word: each is filed under
 * its first letter outside ASCII, and a reply's letters outside ASCII (none, in most replies) are
 * looked up there, so that a reply pays one pass for all of them, not one search for each. When
 * there are only a few literals, each is simply searched for.
 */
public final class KeywordIndex {
    /** Where pattern {@code pattern} matched first, for {@link #earliest}. */
    public static final class Hit {
        private final int pattern;
        private final int start;

        Hit(int pattern, int start) {
            this.pattern = pattern;
            this.start = start;
        }

        public int pattern() {
            return pattern;
        }

        public int start() {
            return start;
        }
    }

    private final int size;
    /** The literal starts of the pieces, folded, each with the pieces that start with it; null when none. */
    private final AhoCorasickDoubleArrayTrie<PatternPieces.Piece[]> literals;
    /** Whether some literal starts with a sign, so that the character before each word must be read too. */
    private final boolean signStarts;
    private static final int FEW_LITERALS = 8;
    private final List<PatternPieces.Piece> anywhere = new ArrayList<>();
    /** The literals of each piece of {@link #anywhere}, in lower case. */
    private final List<List<String>> anywhereLiterals = new ArrayList<>();
    /** A literal outside ASCII, folded, and where its first letter outside ASCII stands in it. */
    private static final class Beyond {
        final String literal;
        final int offset;
        final PatternPieces.Piece piece;

        Beyond(String literal, int offset, PatternPieces.Piece piece) {
            this.literal = literal;
            this.offset = offset;
            this.piece = piece;
        }
    }

    /** The literals of the pieces looked for anywhere (letters outside ASCII), by their first letter outside ASCII. */
    private final Map<Character, List<Beyond>> beyondAscii = new HashMap<>();
    private final List<PatternPieces.Piece> unreadable = new ArrayList<>();

    public KeywordIndex(List<String> regexes) {
        this(regexes, Pattern.CASE_INSENSITIVE);
    }

    public KeywordIndex(List<String> regexes, int flags) {
        this.size = regexes.size();
        List<PatternPieces.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String regex = regexes.get(i);
            pieces.addAll(PatternPieces.of(i, regex, flags));
        }
        // A handful of literals (a blocklist's "misconfigured" words) are found sooner by searching
        // the text for each than by reading every word of it down a trie.
        // (Loops, not streams, here and below: this runs once, while James starts, with a cold JIT.)
        int literalCount = 0;
        for (PatternPieces.Piece piece : pieces) {
            literalCount += piece.literals().map(List::size).orElse(0);
        }
        boolean few = literalCount <= FEW_LITERALS;
        Map<String, List<PatternPieces.Piece>> byLiteral = new TreeMap<>();
        for (PatternPieces.Piece piece : pieces) {
            Optional<List<String>> literals = piece.literals();
            if (literals.isEmpty()) {
                unreadable.add(piece);
            } else if (few) {
                anywhere.add(piece);
                List<String> folded = new ArrayList<>();
                literals.get().forEach(literal -> folded.add(literal.toLowerCase(Locale.ROOT)));
                anywhereLiterals.add(folded);
            } else if (anyOutsideAscii(literals.get())) {
                for (String literal : literals.get()) {
                    String folded = literal.toLowerCase(Locale.ROOT);
                    int offset = firstBeyondAscii(folded);
                    if (offset < 0) {
                        // This one literal of the piece is plain ASCII: look for it anywhere the plain way.
                        anywhere.add(piece);
                        anywhereLiterals.add(List.of(folded));
                    } else {
                        beyondAscii.computeIfAbsent(folded.charAt(offset), key -> new ArrayList<>()).add(new Beyond(folded, offset, piece));
                    }
                }
            } else {
                for (String literal : literals.get()) {
                    List<PatternPieces.Piece> same = byLiteral.computeIfAbsent(literal.toLowerCase(Locale.ROOT), key -> new ArrayList<>());
                    if (!same.contains(piece)) {
                        same.add(piece);
                    }
                }
            }
        }
        Map<String, PatternPieces.Piece[]> automaton = new TreeMap<>();
        boolean sign = false;
        for (Map.Entry<String, List<PatternPieces.Piece>> entry : byLiteral.entrySet()) {
            automaton.put(entry.getKey(), entry.getValue().toArray(new PatternPieces.Piece[0]));
            sign |= !Character.isLetterOrDigit(entry.getKey().charAt(0));
        }
        if (automaton.isEmpty()) {
            this.literals = null;
        } else {
            this.literals = new AhoCorasickDoubleArrayTrie<>();
            this.literals.build(automaton);
        }
        this.signStarts = sign;
    }

    private static int firstBeyondAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return i;
            }
        }
        return -1;
    }

    private static boolean anyOutsideAscii(List<String> literals) {
        for (String literal : literals) {
            if (PatternPieces.hasNonAscii(literal)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** The first pattern, in file order, that matches these words; -1 when none does. */
    public int firstMatching(ReplyText words) {
        Search search = new Search(words, false);
        return search.best == null ? -1 : search.best.pattern;
    }

    /** The pattern that matches earliest in the text (the first in file order at a tie); null when none does. */
    public Hit earliest(ReplyText words) {
        return new Search(words, true).best;
    }

    /** Every pattern that matches somewhere in these words. */
    public BitSet matching(ReplyText words) {
        BitSet found = new BitSet();
        for (int i = 0; i < size; i++) {
            if (new Search(words, i).best != null) {
                found.set(i);
            }
        }
        return found;
    }

    /** One reading of one reply: the best hit so far, and the pieces not worth running any more. */
    private final class Search {
        private final ReplyText words;
        private final boolean earliest;
        private final int only;
        private Hit best;

        Search(ReplyText words, boolean earliest) {
            this(words, earliest, -1);
        }

        Search(ReplyText words, int only) {
            this(words, true, only);
        }

        private Search(ReplyText words, boolean earliest, int only) {
            this.words = words;
            this.earliest = earliest;
            this.only = only;
            run();
        }

        private void run() {
            for (PatternPieces.Piece piece : unreadable) {
                if (worthTrying(piece.pattern(), 0)) {
                    Matcher matcher = piece.regex().matcher(words.folded());
                    if (matcher.find()) {
                        offer(piece.pattern(), matcher.start());
                    }
                }
            }
            for (int p = 0; p < anywhere.size(); p++) {
                PatternPieces.Piece piece = anywhere.get(p);
                String text = words.folded();
                for (String folded : anywhereLiterals.get(p)) {
                    for (int at = text.indexOf(folded); at >= 0 && worthTrying(piece.pattern(), at); at = text.indexOf(folded, at + 1)) {
                        if (piece.matchesAt(text, at)) {
                            offer(piece.pattern(), at);
                            break;
                        }
                    }
                }
            }
            char[] chars = words.chars();
            if (!beyondAscii.isEmpty()) {
                String text = null; // made only for a reply with a letter to look up
                for (int at = 0; at < chars.length; at++) {
                    if (chars[at] < 128) {
                        continue;
                    }
                    List<Beyond> here = beyondAscii.get(chars[at]);
                    if (here == null) {
                        continue;
                    }
                    text = text == null ? words.folded() : text;
                    for (Beyond candidate : here) {
                        int start = at - candidate.offset;
                        if (start >= 0 && text.startsWith(candidate.literal, start) && worthTrying(candidate.piece.pattern(), start)
                            && candidate.piece.matchesAt(text, start)) {
                            offer(candidate.piece.pattern(), start);
                        }
                    }
                }
            }
            if (literals == null) {
                return;
            }
            literals.parseText(chars, (begin, end, pieces) -> {
                // A literal counts at the start of a word, or on the sign right before one ("[TSS04]", "(S3150)").
                if (words.isWordStart(begin) || (signStarts && words.isWordStart(begin + 1))) {
                    for (PatternPieces.Piece piece : pieces) {
                        if (worthTrying(piece.pattern(), begin) && piece.matchesWhereItsLiteralStands(chars, words, begin, end)) {
                            offer(piece.pattern(), begin);
                        }
                    }
                }
            });
        }

        private boolean worthTrying(int pattern, int start) {
            if (only >= 0) {
                return pattern == only && best == null;
            }
            if (best == null) {
                return true;
            }
            return earliest ? start < best.start || (start == best.start && pattern < best.pattern) : pattern < best.pattern;
        }

        private void offer(int pattern, int start) {
            if (worthTrying(pattern, start)) {
                best = new Hit(pattern, start);
            }
        }
    }
}
