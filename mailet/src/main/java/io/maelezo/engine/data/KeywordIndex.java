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

/**
 * Tells, cheaply, which of many patterns could match a text, so that only those run. Every
 * pattern of the knowledge files starts at a word ({@code \b...}): the first letters of the
 * words each of its alternatives can start with are read from the pattern itself, and a pattern
 * is a candidate only when the text has a word starting so. A pattern whose start cannot be read
 * (an optional group, a character class) is always a candidate. The cost of a text thus depends
 * on its words, not on how many patterns the files hold.
 */
public final class KeywordIndex {
    private static final int KEY_LENGTH = 3;
    /** Codes such as 5.7.606 are one word here, and their keys longer: "5.7.6". */
    private static final int CODE_KEY_LENGTH = 5;

    private final int size;
    private final BitSet always = new BitSet();
    private final Map<String, BitSet> byPrefix = new HashMap<>();
    /** Keys with letters outside ASCII (Japanese has no spaces between words): looked for anywhere. */
    private final Map<String, BitSet> bySubstring = new HashMap<>();

    public KeywordIndex(List<String> regexes) {
        this.size = regexes.size();
        for (int i = 0; i < regexes.size(); i++) {
            Optional<Set<String>> keys = StartReader.keys(regexes.get(i));
            if (keys.isEmpty() || keys.get().isEmpty()) {
                always.set(i);
                continue;
            }
            for (String key : keys.get()) {
                boolean ascii = key.chars().allMatch(c -> c < 128);
                (ascii ? byPrefix : bySubstring).computeIfAbsent(key, k -> new BitSet()).set(i);
            }
        }
    }

    public int size() {
        return size;
    }

    private static boolean isCodeDot(String text, int i) {
        return text.charAt(i) == '.' && i > 0 && i + 1 < text.length()
            && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    /** The patterns that may match this text; the others cannot. */
    public BitSet candidates(String text) {
        BitSet result = (BitSet) always.clone();
        String lower = text.toLowerCase(Locale.ROOT);
        int length = lower.length();
        int i = 0;
        while (i < length) {
            char c = lower.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean code = Character.isDigit(c);
            while (i < length && (Character.isLetterOrDigit(lower.charAt(i)) || isCodeDot(lower, i))) {
                i++;
            }
            int longest = code ? CODE_KEY_LENGTH : KEY_LENGTH;
            for (int k = 1; k <= longest && start + k <= i; k++) {
                BitSet hits = byPrefix.get(lower.substring(start, start + k));
                if (hits != null) {
                    result.or(hits);
                }
            }
        }
        for (Map.Entry<String, BitSet> entry : bySubstring.entrySet()) {
            if (lower.contains(entry.getKey())) {
                result.or(entry.getValue());
            }
        }
        return result;
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
