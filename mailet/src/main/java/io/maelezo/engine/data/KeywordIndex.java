package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which of many patterns match a reply without running them all. Every pattern of the
 * knowledge files starts at a word ({@code \b(mailbox full|over ?quota|...)\b}). Each pattern is
 * cut into its alternatives ({@link PatternPieces}); the literal start of each alternative
 * ("mailbox full", "over") goes into a trie; a reply is read once, word by word, down that trie,
 * and only an alternative whose literal start is there is run as a regex, at that place. So the
 * cost of a reply depends on its words, not on how many patterns or alternatives the files hold.
 * <p>
 * An alternative whose start cannot be read (an optional group, a character class) is searched
 * the plain way; one that starts with letters outside ASCII (Japanese has no spaces between
 * words) is looked for anywhere in the text, and so are all of them when there are only a few.
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
    private final Trie.Node trie;
    /** Whether some literal starts with a sign, so that the character before each word must be read too. */
    private final boolean signStarts;
    private static final int FEW_LITERALS = 8;
    private final List<PatternPieces.Piece> anywhere = new ArrayList<>();
    /** The literals of each piece of {@link #anywhere}, in lower case. */
    private final List<List<String>> anywhereLiterals = new ArrayList<>();
    private final List<PatternPieces.Piece> unreadable = new ArrayList<>();

    public KeywordIndex(List<String> regexes) {
        this(regexes, Pattern.CASE_INSENSITIVE);
    }

    public KeywordIndex(List<String> regexes, int flags) {
        this.size = regexes.size();
        List<PatternPieces.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String regex = regexes.get(i);
            int own = hasNonAscii(regex) ? flags | Pattern.UNICODE_CASE : flags;
            pieces.addAll(PatternPieces.of(i, regex, own));
        }
        // A handful of literals (a blocklist's "misconfigured" words) are found sooner by searching
        // the text for each than by reading every word of it down a trie.
        // (Loops, not streams, here and below: this runs once, while James starts, with a cold JIT.)
        int literalCount = 0;
        for (PatternPieces.Piece piece : pieces) {
            literalCount += piece.literals().map(List::size).orElse(0);
        }
        boolean few = literalCount <= FEW_LITERALS;
        Trie trie = new Trie();
        for (PatternPieces.Piece piece : pieces) {
            Optional<List<String>> literals = piece.literals();
            if (literals.isEmpty()) {
                unreadable.add(piece);
            } else if (few || anyOutsideAscii(literals.get())) {
                anywhere.add(piece);
                List<String> folded = new ArrayList<>();
                literals.get().forEach(literal -> folded.add(literal.toLowerCase(Locale.ROOT)));
                anywhereLiterals.add(folded);
            } else {
                literals.get().forEach(literal -> trie.add(literal.toLowerCase(Locale.ROOT), piece));
            }
        }
        this.trie = trie.freeze();
        this.signStarts = this.trie.hasChildOtherThanLetterOrDigit();
    }

    private static boolean hasNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOutsideAscii(List<String> literals) {
        for (String literal : literals) {
            if (hasNonAscii(literal)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** The first pattern, in file order, that matches these words; -1 when none does. */
    public int firstMatching(Words words) {
        Search search = new Search(words, false);
        return search.best == null ? -1 : search.best.pattern;
    }

    /** The pattern that matches earliest in the text (the first in file order at a tie); null when none does. */
    public Hit earliest(Words words) {
        return new Search(words, true).best;
    }

    /** Every pattern that matches somewhere in these words. */
    public BitSet matching(Words words) {
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
        private final Words words;
        private final boolean earliest;
        private final int only;
        private Hit best;

        Search(Words words, boolean earliest) {
            this(words, earliest, -1);
        }

        Search(Words words, int only) {
            this(words, true, only);
        }

        private Search(Words words, boolean earliest, int only) {
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
            for (int w = 0; w < words.count(); w++) {
                int start = words.start(w);
                if (start > 0 && signStarts) {
                    walk(words, chars, start - 1); // a pattern may start with the sign before a word: "[TSS04]", "(S3150)"
                }
                walk(words, chars, start);
            }
        }

        private void walk(Words words, char[] chars, int from) {
            Trie.Node node = trie;
            for (int i = from; i < chars.length; i++) {
                node = node.child(chars[i]);
                if (node == null) {
                    return;
                }
                for (PatternPieces.Piece piece : node.pieces()) {
                    if (worthTrying(piece.pattern(), from) && piece.matchesWhereItsLiteralStands(chars, words, from, i + 1)) {
                        offer(piece.pattern(), from);
                    }
                }
            }
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
