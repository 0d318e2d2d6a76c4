package io.maelezo.engine.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the literal starts of a regex. */
final class RegexReader {
    private final String regex;
    /** Where reading is: PatternPieces moves it as it cuts a regex into alternatives. */
    int pos;

    RegexReader(String regex) {
        this.regex = regex;
    }

    /** The literal texts the regex can start with; null when one way of starting has none. */
    List<String> literals() {
        try {
            Set<String> found = alternation();
            return found == null ? null : List.copyOf(found);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Skips what matches no character: word boundaries, anchors, look-arounds, inline flags. */
    void skipZeroWidth() {
        while (pos < regex.length()) {
            if (regex.startsWith("\\b", pos) || regex.startsWith("\\B", pos)) {
                pos += 2;
            } else if (regex.charAt(pos) == '^') {
                pos++;
            } else if (regex.startsWith("(?<!", pos) || regex.startsWith("(?<=", pos)
                || regex.startsWith("(?=", pos) || regex.startsWith("(?!", pos)) {
                pos = closingParen(pos) + 1;
            } else if (regex.startsWith("(?i)", pos)) {
                pos += 4;
            } else {
                return;
            }
        }
    }

    private Set<String> alternation() {
        Set<String> found = new LinkedHashSet<>();
        while (true) {
            Set<String> alternative = sequenceStart();
            if (alternative == null) {
                return null;
            }
            found.addAll(alternative);
            skipToAlternativeEnd();
            if (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return found;
        }
    }

    private Set<String> sequenceStart() {
        skipZeroWidth();
        if (pos >= regex.length()) {
            return null;
        }
        if (regex.charAt(pos) == '(') {
            int close = closingParen(pos);
            if (close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
                return null; // an optional group: the alternative may start after it
            }
            if (regex.startsWith("(?", pos) && !regex.startsWith("(?:", pos)) {
                return null;
            }
            pos += regex.startsWith("(?:", pos) ? 3 : 1;
            Set<String> inner = alternation();
            pos = close + 1;
            return inner;
        }
        Set<String> spellings = spellings();
        return spellings.isEmpty() ? null : spellings;
    }

    /** At most this many spellings of one alternative's start are read (each one more literal to look for). */
    private static final int MAX_SPELLINGS = 4;

    /**
     * The ways an alternative's literal start can be spelt, read on through an ASCII character that
     * may be absent and a class of a few ASCII characters: {@code e-?mail} is "email" and "e-mail",
     * {@code over ?quota} "overquota" and "over quota", not just "e" and "over" (a literal of a letter
     * or two is found in nearly every reply, and each time its alternative is run as a regex in
     * vain). Empty when some spelling would be empty.
     */
    Set<String> spellings() {
        List<StringBuilder> spellings = new ArrayList<>();
        spellings.add(new StringBuilder());
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            int width;
            String options;
            if (c == '\\' && pos + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(pos + 1))) {
                options = String.valueOf(regex.charAt(pos + 1));
                width = 2;
            } else if (c == '[') {
                int close = closingBracket(pos);
                options = regex.substring(pos + 1, close);
                if (options.isEmpty() || !options.chars().allMatch(o -> o < 128 && Character.isLetterOrDigit(o))) {
                    break; // a range, a negation, an escape or a letter beyond ASCII: read no further
                }
                width = close + 1 - pos;
            } else if ("\\[](){}.*+?^$|".indexOf(c) < 0) {
                options = String.valueOf(c);
                width = 1;
            } else {
                break;
            }
            char next = pos + width < regex.length() ? regex.charAt(pos + width) : 0;
            char after = pos + width + 1 < regex.length() ? regex.charAt(pos + width + 1) : 0;
            boolean optional = next == '?' && after != '?' && after != '+';
            if (next == '*' || next == '{' || (next == '?' && !optional)
                || ((optional || options.length() > 1) && !options.chars().allMatch(o -> o < 128))) {
                break;
            }
            int count = spellings.size() * (options.length() + (optional ? 1 : 0));
            if (count > MAX_SPELLINGS) {
                break;
            }
            List<StringBuilder> longer = new ArrayList<>();
            for (StringBuilder spelling : spellings) {
                if (optional) {
                    longer.add(new StringBuilder(spelling));
                }
                for (char option : options.toCharArray()) {
                    longer.add(new StringBuilder(spelling).append(option));
                }
            }
            spellings = longer;
            pos += width + (optional ? 1 : 0);
            if (next == '+') {
                break;
            }
        }
        Set<String> found = new LinkedHashSet<>();
        for (StringBuilder spelling : spellings) {
            if (spelling.length() == 0) {
                return Set.of();
            }
            found.add(spelling.toString());
        }
        return found;
    }

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

    int closingParen(int open) {
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

    int closingBracket(int open) {
        for (int i = open + 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' ) {
                i = closingBracket(i); // a class inside a class: [a-z&&[^x]]
            } else if (c == ']' && i > open + 1 + (regex.charAt(open + 1) == '^' ? 1 : 0)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced [ in " + regex);
    }
}
