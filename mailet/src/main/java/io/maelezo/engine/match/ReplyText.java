package io.maelezo.engine.match;

import java.util.Arrays;

/**
 * One reply, read once and shared by every {@link KeywordIndex}: the text folded to lower case
 * (one character for one) and where each of its words starts. A typographic
 * apostrophe (U+2018, U+2019, as web pages and word processors write "can’t") folds to a plain one,
 * and a typographic dash (U+2010 to U+2015, U+2212: "Service unavailable – try again later") to a
 * hyphen, so the patterns need only one spelling.
 */
public final class ReplyText {
    private final String text;
    private final char[] chars;
    private String folded;
    private final int[] starts;
    private final int count;
    private ReplyText withoutAddresses;

    /** @param chars the text folded to lower case; kept, not copied */
    private ReplyText(String text, char[] chars) {
        this.text = text;
        this.chars = chars;
        int[] found = new int[Math.max(4, chars.length / 4)];
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean letter = c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                if (words == found.length) {
                    found = Arrays.copyOf(found, words * 2);
                }
                found[words++] = i;
            }
            inWord = letter;
        }
        this.starts = found;
        this.count = words;
    }

    public static ReplyText of(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            } else if (c == '\u2019' || c == '\u2018') {
                chars[i] = '\'';
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212') {
                chars[i] = '-';
            } else if (c == '\uFFFF') {
                // A noncharacter no pattern holds; the trie library (AhoCorasickDoubleArrayTrie) reads one
                // past its arrays for it, so it is read as the replacement character.
                chars[i] = '\uFFFD';
            } else if (c >= 128) {
                chars[i] = Character.toLowerCase(c);
            }
        }
        return new ReplyText(text, chars);
    }

    /** The text as given. */
    public String text() {
        return text;
    }

    /** The text in lower case, what the patterns run on. */
    public String folded() {
        if (folded == null) {
            folded = new String(chars);
        }
        return folded;
    }

    /** The folded text, to read without bounds checks on every letter. */
    char[] chars() {
        return chars;
    }

    /** Where word i starts, for i below {@link #count()}. */
    int start(int i) {
        return starts[i];
    }

    int count() {
        return count;
    }

    /** Whether a word starts at this position (false outside the text). */
    boolean isWordStart(int at) {
        if (at < 0 || at >= chars.length) {
            return false;
        }
        return Arrays.binarySearch(starts, 0, count, at) >= 0;
    }

    /**
     * The same words with every e-mail address taken out, so that {@code <spam@example.com>}
     * or {@code blocked@...} says nothing about why a mail was refused, and the words on either
     * side meet as a person reads them: "The sender <a@example.com> is blacklisted" reads
     * "the sender is blacklisted", "User a@example.com doesn't exist" reads "user doesn't exist".
     * An address and the angle brackets around it give way to one space between the words around them.
     */
    public ReplyText withoutAddresses() {
        if (withoutAddresses == null) {
            withoutAddresses = text.indexOf('@') < 0 ? this : new ReplyText(text, withoutAddresses(folded()));
        }
        return withoutAddresses;
    }

    /**
     * An address: a run of characters that cannot end one on each side of an '@'. A colon ends it on
     * both sides: "RCPT TO:user@..." and "user@263.net:user not exist" keep their words; so do
     * '/', '?' and '&', which the addresses of replies do not hold but links do
     * ("http://www.openspf.org/Why?s=mfrom&id=user@example.org&ip=..." keeps "openspf").
     */
    private static char[] withoutAddresses(String folded) {
        StringBuilder kept = new StringBuilder(folded.length());
        int copied = 0;
        for (int at = folded.indexOf('@'); at >= 0; at = folded.indexOf('@', at + 1)) {
            int from = at;
            while (from > copied && !endsAddress(folded.charAt(from - 1))) {
                from--;
            }
            int to = at + 1;
            while (to < folded.length() && !endsAddress(folded.charAt(to))) {
                to++;
            }
            if (from == at || to == at + 1) {
                continue;
            }
            if (from > copied && to < folded.length() && folded.charAt(from - 1) == '<' && folded.charAt(to) == '>') {
                from--;
                to++;
            }
            kept.append(folded, copied, from);
            boolean spaceBefore = kept.length() == 0 || Character.isWhitespace(kept.charAt(kept.length() - 1));
            boolean spaceAfter = to >= folded.length() || Character.isWhitespace(folded.charAt(to));
            if (!spaceBefore && !spaceAfter) {
                kept.append(' ');
            } else if (spaceBefore && spaceAfter && to < folded.length()) {
                to++; // the space after it, as the one before stays
            }
            copied = to;
            at = to - 1;
        }
        kept.append(folded, copied, folded.length());
        char[] chars = new char[kept.length()];
        kept.getChars(0, kept.length(), chars, 0);
        return chars;
    }

    private static boolean endsAddress(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || "<>\"'()[],;:/?&".indexOf(c) >= 0;
    }
}
