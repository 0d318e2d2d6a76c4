package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, cheaply, which of many patterns could match a text, so that only those run. Every
 * pattern of the knowledge files starts at a word ({@code \b...}): the first letters of the
 * words each of its alternatives can start with are read from the pattern itself, and a pattern
 * is a candidate only when the text has a word starting so. A pattern whose start cannot be read
 * (an optional group, a character class) is always a candidate. The cost of a text thus depends
 * on its words, not on how many patterns the files hold.
 */
public final class KeywordIndex {
    private static final int KEY_LENGTH = Words.KEY_LENGTH;
    private static final int CODE_KEY_LENGTH = Words.CODE_KEY_LENGTH;

    private final List<Pattern> patterns;
    /** Per pattern: the keys its alternatives start with (ASCII: word starts); null when it cannot tell. */
    private final List<List<String>> wordKeys = new ArrayList<>();
    /** Per pattern: keys with letters outside ASCII (Japanese has no spaces between words): looked for anywhere. */
    private final List<List<String>> substringKeys = new ArrayList<>();
    private final Map<String, BitSet> byKey = new HashMap<>();
    private final BitSet always = new BitSet();
    private final BitSet bySubstring = new BitSet();

    public KeywordIndex(List<String> regexes) {
        this(regexes, Pattern.CASE_INSENSITIVE);
    }

    public KeywordIndex(List<String> regexes, int flags) {
        this(regexes, compileAll(regexes, flags));
    }

    private static List<Pattern> compileAll(List<String> regexes, int flags) {
        List<Pattern> compiled = new ArrayList<>();
        regexes.forEach(regex -> compiled.add(Pattern.compile(regex, flags)));
        return compiled;
    }

    /**
     * @param keySources what the keys are read from, one per pattern (the pattern itself, or a
     *                   simpler regex that starts with the same words)
     * @param patterns   what is matched
     */
    public KeywordIndex(List<String> keySources, List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        for (int i = 0; i < keySources.size(); i++) {
            Optional<Set<String>> keys = StartReader.keys(keySources.get(i));
            List<String> ascii = new ArrayList<>();
            List<String> other = new ArrayList<>();
            if (keys.isEmpty() || keys.get().isEmpty()) {
                always.set(i);
            } else {
                for (String key : keys.get()) {
                    (key.chars().allMatch(c -> c < 128) ? ascii : other).add(key);
                }
                for (String key : ascii) {
                    byKey.computeIfAbsent(key, k -> new BitSet()).set(i);
                }
                if (!other.isEmpty()) {
                    bySubstring.set(i);
                }
            }
            wordKeys.add(ascii);
            substringKeys.add(other);
        }
    }

    public int size() {
        return patterns.size();
    }

    /** The patterns that may match this text; the others cannot. */
    public BitSet candidates(String text) {
        return candidates(Words.of(text));
    }

    public BitSet candidates(Words words) {
        BitSet result = (BitSet) always.clone();
        result.or(bySubstring);
        for (String key : words.keys()) {
            BitSet hits = byKey.get(key);
            if (hits != null) {
                result.or(hits);
            }
        }
        return result;
    }

    /**
     * Where pattern i matches in these words, or -1: tried only at the starts of the words its
     * alternatives can begin with (and just before, for a pattern that starts with a sign such as
     * "[TSS04]"), with the rest of the text visible to look-arounds.
     */
    public int matchStart(int i, Words words) {
        Pattern pattern = patterns.get(i);
        String text = words.text();
        if (always.get(i)) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.start() : -1;
        }
        int earliest = -1;
        for (String key : substringKeys.get(i)) {
            if (words.lower().contains(key)) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    earliest = matcher.start();
                }
            }
        }
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (String key : wordKeys.get(i)) {
            for (int start : words.startsOf(key)) {
                if (earliest >= 0 && start >= earliest) {
                    continue;
                }
                if (lookingAt(matcher, start, text.length())) {
                    earliest = start;
                } else if (start > 0 && !Character.isLetterOrDigit(text.charAt(start - 1))
                    && lookingAt(matcher, start - 1, text.length())) {
                    earliest = start - 1;
                }
            }
        }
        return earliest;
    }

    private static boolean lookingAt(Matcher matcher, int from, int to) {
        matcher.region(from, to);
        return matcher.lookingAt();
    }

    /** The first pattern, in file order, that matches these words; -1 when none does. */
    public int firstMatching(Words words) {
        BitSet candidates = candidates(words);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (matchStart(i, words) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the first letters each alternative of a pattern starts with; empty when it cannot tell. */
    static final class StartReader {
        private final String regex;
        private int pos;

        private StartReader(String regex) {
            this.regex = regex;
        }

        static Optional<Set<String>> keys(String regex) {
            StartReader reader = new StartReader(regex);
            try {
                Set<String> keys = reader.alternation();
                return Optional.ofNullable(keys);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** The keys of an alternation up to the closing ')' or the end; null when one alternative cannot tell. */
        private Set<String> alternation() {
            Set<String> keys = new HashSet<>();
            while (true) {
                Set<String> alternative = sequenceStart();
                if (alternative == null) {
                    return null;
                }
                keys.addAll(alternative);
                skipToAlternativeEnd();
                if (pos < regex.length() && regex.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return keys;
            }
        }

        /** The keys of the start of one alternative. */
        private Set<String> sequenceStart() {
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (regex.startsWith("\\b", pos) || regex.startsWith("\\B", pos)) {
                    pos += 2;
                } else if (c == '^') {
                    pos++;
                } else if (regex.startsWith("(?<!", pos) || regex.startsWith("(?<=", pos)
                    || regex.startsWith("(?=", pos) || regex.startsWith("(?!", pos)) {
                    pos = closingParen(pos) + 1; // a look-around consumes nothing
                } else if (regex.startsWith("(?i)", pos)) {
                    pos += 4;
                } else if (c == '(') {
                    int close = closingParen(pos);
                    if (close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
                        return null; // an optional group: the alternative may start after it
                    }
                    pos += regex.startsWith("(?:", pos) ? 3 : 1;
                    Set<String> inner = alternation();
                    pos = close + 1;
                    return inner;
                } else if (c == '\\' && pos + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(pos + 1))) {
                    pos += 2; // an escaped sign ("\[", "\("): the word starts after it
                } else {
                    return literal();
                }
            }
            return null;
        }

        private Set<String> literal() {
            StringBuilder key = new StringBuilder();
            boolean code = Character.isDigit(regex.charAt(pos));
            while (pos < regex.length() && key.length() < (code ? CODE_KEY_LENGTH : KEY_LENGTH)) {
                char c = regex.charAt(pos);
                if (code && regex.startsWith("\\.", pos) && pos + 2 < regex.length() && Character.isDigit(regex.charAt(pos + 2))) {
                    key.append('.');
                    pos += 2;
                } else if (Character.isLetterOrDigit(c)) {
                    if (pos + 1 < regex.length() && "?*{".indexOf(regex.charAt(pos + 1)) >= 0) {
                        break; // this letter is optional
                    }
                    key.append(Character.toLowerCase(c));
                    pos++;
                } else {
                    break;
                }
            }
            if (key.length() == 0) {
                return null;
            }
            Set<String> keys = new HashSet<>();
            keys.add(key.toString());
            return keys;
        }

        /** Moves to the '|' or ')' that ends the current alternative at this depth (or the end). */
        private void skipToAlternativeEnd() {
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                } else if (c == '[') {
                    pos = closingBracket(pos) + 1;
                } else if (c == '(') {
                    pos = closingParen(pos) + 1;
                } else if (c == '|' || c == ')') {
                    return;
                } else {
                    pos++;
                }
            }
        }

        private int closingParen(int open) {
            int depth = 0;
            for (int i = open; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    i = closingBracket(i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced ( in " + regex);
        }

        private int closingBracket(int open) {
            for (int i = open + 1; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == ']' && i > open + 1) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced [ in " + regex);
        }
    }
}
