package io.maelezo.engine.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a pattern into the alternatives it is made of, each one a regex of its own, and reads the
 * literal text each alternative starts with. {@code \b(mailbox full|over ?quota)\b} is the pieces
 * {@code \b(?:mailbox full)\b} (starts with "mailbox full") and {@code \b(?:over ?quota)\b}
 * (starts with "over"): the pattern matches where one of its pieces does.
 */
final class PatternPieces {
    private static final String QUANTIFIERS = "?*+{";
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\\\[1-9]|\\\\k<");

    /** One alternative of pattern {@code pattern}. */
    static final class Piece {
        private final int pattern;
        private final String source;
        private final int flags;
        /** Compiled when first needed: most pieces are decided by their literal, and start-up stays short. */
        private volatile Pattern regex;
        private final Optional<List<String>> literals;
        /** When the piece is nothing but its literal between word boundaries: it matches wherever the literal stands so. */
        private final Exact exact;

        Piece(int pattern, String source, int flags, Optional<List<String>> literals) {
            this.pattern = pattern;
            this.source = source;
            this.flags = flags;
            this.literals = literals;
            this.exact = Exact.of(source);
        }

        int pattern() {
            return pattern;
        }

        Pattern regex() {
            Pattern compiled = regex;
            if (compiled == null) {
                compiled = Pattern.compile(source, flags);
                regex = compiled;
            }
            return compiled;
        }

        /** The texts this piece can start with; empty when that cannot be read from it. */
        Optional<List<String>> literals() {
            return literals;
        }

        /**
         * Whether the piece matches here, given that its literal was read here in the folded text:
         * a piece that is only a literal needs no regex, just a look at the characters around it.
         */
        boolean matchesWhereItsLiteralStands(char[] folded, ReplyText words, int from, int literalEnd) {
            if (exact != null) {
                Boolean decided = exact.matches(folded, from, literalEnd);
                if (decided != null) {
                    return decided;
                }
            }
            return matchesAt(words.folded(), from);
        }

        /** Whether the piece matches starting exactly here, the whole text visible to look-arounds. */
        boolean matchesAt(String text, int from) {
            Matcher matcher = regex().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            matcher.region(from, text.length());
            return matcher.lookingAt();
        }
    }

    private PatternPieces() {
    }

    /** A piece that is nothing but its literal spellings, with or without a word boundary on either side. */
    static final class Exact {
        private final boolean boundaryBefore;
        private final boolean boundaryAfter;

        private Exact(boolean boundaryBefore, boolean boundaryAfter) {
            this.boundaryBefore = boundaryBefore;
            this.boundaryAfter = boundaryAfter;
        }

        /** The shape of a piece if it is {@code [\b](?:literal)[\b]} or {@code [\b]literal[\b]}; else null. */
        static Exact of(String piece) {
            String inner = piece;
            boolean before = inner.startsWith("\\b");
            if (before) {
                inner = inner.substring(2);
            }
            boolean after = inner.endsWith("\\b") && !inner.endsWith("\\\\b");
            if (after) {
                inner = inner.substring(0, inner.length() - 2);
            }
            if (inner.startsWith("(?:") && inner.endsWith(")") && new RegexReader(inner).closingParen(0) == inner.length() - 1) {
                inner = inner.substring(3, inner.length() - 1);
            }
            RegexReader reader = new RegexReader(inner);
            // Nothing but its spellings ("over ?quota"): where one of them stands, only the boundaries are left to check.
            return !reader.spellings().isEmpty() && reader.pos == inner.length() ? new Exact(before, after) : null;
        }

        /**
         * True or false when the ASCII characters around decide it; null when a character beyond
         * ASCII stands beside the literal (a letter, a combining mark), where only the regex can
         * tell: a plain \b treats those differently between Java versions.
         */
        Boolean matches(char[] text, int from, int to) {
            if (beyondAscii(text, from) || beyondAscii(text, to)) {
                return null;
            }
            return (!boundaryBefore || isBoundary(text, from)) && (!boundaryAfter || isBoundary(text, to));
        }

        private static boolean isBoundary(char[] text, int at) {
            boolean left = at > 0 && isWord(text[at - 1]);
            boolean right = at < text.length && isWord(text[at]);
            return left != right;
        }

        /** Beside this place, a character beyond ASCII. */
        private static boolean beyondAscii(char[] text, int at) {
            return (at < text.length && text[at] >= 128) || (at > 0 && text[at - 1] >= 128);
        }

        /** An ASCII word character, as \b reads it (the text is folded to lower case). */
        private static boolean isWord(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    /**
     * The pieces of one pattern. A piece that holds a letter beyond ASCII ("benutzer unbekannt",
     * "пользователь не найден") is compiled with Unicode case and character classes: since Java 19
     * a plain \b sees only ASCII letters as word characters, so "\bпользователь" would match
     * nowhere on the Java that runs James 3.9 while it matches on Java 11 and 17.
     */
    static List<Piece> of(int pattern, String regex, int flags) {
        List<Piece> pieces = new ArrayList<>();
        for (String cut : alternatives(regex)) {
            String alternative = withoutBoundariesBesideCjk(cut);
            int own = hasNonAscii(alternative) ? flags | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS : flags;
            pieces.add(new Piece(pattern, alternative, own, Optional.ofNullable(new RegexReader(alternative).literals())));
        }
        return pieces;
    }

    /**
     * Chinese and Japanese write words without spaces between them, and a Korean ending follows its
     * stem directly ("수신차단되었습니다"): a word boundary beside such a character would make
     * "\b(?:垃圾邮件)\b" match nowhere inside a sentence. The boundary beside a Han, kana or Hangul
     * character is dropped; the one beside a Latin letter stays.
     */
    static String withoutBoundariesBesideCjk(String piece) {
        String out = piece;
        if (out.startsWith("\\b")) {
            int at = 2;
            while (out.startsWith("(?:", at) || (at < out.length() && out.charAt(at) == '(' && !out.startsWith("(?", at))) {
                at += out.startsWith("(?:", at) ? 3 : 1;
            }
            if (at < out.length() && isCjk(out.codePointAt(at))) {
                out = out.substring(2);
            }
        }
        if (out.endsWith("\\b") && !out.endsWith("\\\\b")) {
            int at = out.length() - 3;
            while (at >= 0 && out.charAt(at) == ')') {
                at--;
            }
            if (at >= 0 && isCjk(out.codePointBefore(at + 1))) {
                out = out.substring(0, out.length() - 2);
            }
        }
        return out;
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
            || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    static boolean hasNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return true;
            }
        }
        return false;
    }

    /** The alternatives of a regex: its own {@code a|b}, or those of a group it is wrapped in. */
    static List<String> alternatives(String regex) {
        if (BACK_REFERENCE.matcher(regex).find()) {
            return List.of(regex); // cutting would renumber the groups
        }
        return cut(regex);
    }

    private static List<String> cut(String regex) {
        List<String> top = splitTopLevel(regex);
        if (top.size() > 1) {
            List<String> all = new ArrayList<>();
            top.forEach(alternative -> all.addAll(cut(alternative)));
            return all;
        }
        RegexReader reader = new RegexReader(regex);
        reader.skipZeroWidth();
        int open = reader.pos;
        if (open >= regex.length() || regex.charAt(open) != '(' || (regex.startsWith("(?", open) && !regex.startsWith("(?:", open))) {
            return List.of(regex);
        }
        int close = reader.closingParen(open);
        String suffix = regex.substring(close + 1);
        if (!suffix.isEmpty() && QUANTIFIERS.indexOf(suffix.charAt(0)) >= 0) {
            return List.of(regex);
        }
        String prefix = regex.substring(0, open);
        List<String> inner = splitTopLevel(regex.substring(open + (regex.startsWith("(?:", open) ? 3 : 1), close));
        if (inner.size() == 1) {
            return List.of(regex);
        }
        List<String> all = new ArrayList<>();
        inner.forEach(alternative -> all.add(prefix + "(?:" + alternative + ")" + suffix));
        return all;
    }

    private static List<String> splitTopLevel(String regex) {
        List<String> parts = new ArrayList<>();
        RegexReader reader = new RegexReader(regex);
        int from = 0;
        while (reader.pos < regex.length()) {
            char c = regex.charAt(reader.pos);
            if (c == '\\') {
                reader.pos += 2;
            } else if (c == '[') {
                reader.pos = reader.closingBracket(reader.pos) + 1;
            } else if (c == '(') {
                reader.pos = reader.closingParen(reader.pos) + 1;
            } else if (c == '|') {
                parts.add(regex.substring(from, reader.pos));
                from = ++reader.pos;
            } else {
                reader.pos++;
            }
        }
        parts.add(regex.substring(from));
        return parts;
    }
}
