package io.maelezo.engine.match;

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
        String literal = literal();
        return literal.isEmpty() ? null : Set.of(literal);
    }

    /** Plain characters and escaped signs, up to the first one that is optional or not literal. */
    String literal() {
        StringBuilder out = new StringBuilder();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            int width;
            char literal;
            if (c == '\\' && pos + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(pos + 1))) {
                literal = regex.charAt(pos + 1);
                width = 2;
            } else if ("\\[](){}.*+?^$|".indexOf(c) < 0) {
                literal = c;
                width = 1;
            } else {
                break;
            }
            char next = pos + width < regex.length() ? regex.charAt(pos + width) : 0;
            if (next == '?' || next == '*' || next == '{') {
                break; // this character may be absent
            }
            out.append(literal);
            pos += width;
            if (next == '+') {
                break;
            }
        }
        return out.toString();
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
