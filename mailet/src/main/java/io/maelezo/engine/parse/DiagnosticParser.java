package io.maelezo.engine.parse;

/**
 * Finds the reply code and the enhanced status code in what a server said, whatever wraps
 * them: {@code smtp; 550 ...}, {@code #550 5.1.1 ...}, {@code Remote server returned '550 ...'},
 * multi-line replies joined on one line ({@code 550-5.1.1 ... 550 5.1.1 ...}), Postfix's
 * {@code host x said: 550 ...}. A reply code comes before its enhanced status: a number of another
 * class after the status is part of the words. A text with no code at all (a Java exception, James's
 * "Too many retries failure") gives a diagnostic without codes.
 */
public final class DiagnosticParser {
    /** Longest remote text kept for quoting; the full original stays in the report itself. */
    public static final int MAX_TEXT_LENGTH = 2000;
    /** Codes are looked for only this far into a text: a 1 MB reply costs no more than a short one. */
    static final int SEARCH_WINDOW = 4096;

    /**
     * Where the answering server's own words start: at its reply code (the first that is not a
     * 2xx, as {@link #parse} reads it), or 0 when the text has none. What comes before it is the
     * reporting server's transcript, which names the server that answered ("host mx.example
     * [192.0.2.1]: 550 ...", "192.0.2.1 does not like recipient. Remote host said: 550 ...").
     */
    public static int serverWordsStart(String text) {
        return Math.max(refusalCodeIndex(text.length() > SEARCH_WINDOW ? text.substring(0, SEARCH_WINDOW) : text), 0);
    }

    /**
     * Where the reply code of the refusal starts, or -1. A refusal is never a 2xx: a 4xx or 5xx
     * after it is the refusal's ("Expected response code 250 but got code "432""); a 2xx alone
     * ("221 Idle timeout, bye") is kept, and says nothing of whether the failure is temporary
     * (Diagnostic.failureClass).
     */
    private static int refusalCodeIndex(String window) {
        int at = CodeScanner.replyCodeIndex(window);
        for (int next = at; next >= 0 && window.charAt(next) == '2'; ) {
            next = CodeScanner.replyCodeIndex(window, next + 3);
            if (next >= 0 && window.charAt(next) != '2') {
                at = next;
            }
        }
        return at;
    }

    public Diagnostic parse(String raw) {
        if (raw == null) {
            return new Diagnostic(null, null, "");
        }
        String window = raw.length() > SEARCH_WINDOW ? raw.substring(0, SEARCH_WINDOW) : raw;
        int replyAt = refusalCodeIndex(window);
        int statusAt = CodeScanner.enhancedStatusIndex(window);
        String replyCode = replyAt < 0 ? null : window.substring(replyAt, replyAt + 3);
        String enhancedStatus = statusAt < 0 ? null : CodeScanner.enhancedStatusAt(window, statusAt);
        if (replyCode != null && statusAt >= 0 && replyAt > statusAt && replyCode.charAt(0) != enhancedStatus.charAt(0)) {
            // A server writes its reply code before its enhanced status. A number of another class
            // after the status is the words' ("5.7.1 <DATA>: limit of 400 rcpts per 24 hours"),
            // not a reply code that would make a final refusal temporary.
            replyCode = null;
        }
        return new Diagnostic(replyCode, enhancedStatus, clean(raw));
    }

    /**
     * The words of a multi-line reply joined into one sentence: the reply code (and enhanced
     * status) that each line repeats ("... or fails to 550-5.7.26 pass authentication checks")
     * taken out after the first (or, quoted without a reply code, the enhanced status alone), so
     * that words split across lines read as they were written. The codes themselves are read from
     * the whole text by {@link #parse}.
     */
    public static String joinedLines(Diagnostic diagnostic) {
        String text = diagnostic.text();
        if (diagnostic.replyCode().isEmpty() && diagnostic.enhancedStatus().isEmpty()) {
            return text;
        }
        // A reply quoted without its reply code ("5.7.0 This message was blocked because its
        // content presents a potential 5.7.0 security issue") repeats its enhanced status alone.
        String code = diagnostic.replyCode().orElse(diagnostic.enhancedStatus().orElse(null));
        String status = diagnostic.replyCode().isPresent() ? diagnostic.enhancedStatus().orElse(null) : null;
        StringBuilder joined = null;
        int kept = 0;
        boolean first = true;
        for (int at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + code.length())) {
            int after = at + code.length();
            boolean standsAlone = (at == 0 || !isDigitOrDot(text.charAt(at - 1)))
                && after < text.length() && (text.charAt(after) == '-' || text.charAt(after) == ' ');
            if (!standsAlone) {
                continue;
            }
            if (first) {
                first = false; // the reply's own code, where it starts
                continue;
            }
            int end = after + 1;
            if (status != null && text.startsWith(status + " ", end)) {
                end += status.length() + 1;
            }
            if (joined == null) {
                joined = new StringBuilder(text.length());
            }
            joined.append(text, kept, at);
            kept = end;
        }
        return joined == null ? text : joined.append(text, kept, text.length()).toString();
    }

    private static boolean isDigitOrDot(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }

    /** One line of text safe to quote: no control or direction-changing characters, bounded. */
    public static String clean(String raw) {
        if (raw.length() <= MAX_TEXT_LENGTH && isAlreadyClean(raw)) {
            return raw.trim();
        }
        String bounded = raw.length() > MAX_TEXT_LENGTH * 2 ? raw.substring(0, MAX_TEXT_LENGTH * 2) : raw;
        String oneLine = oneLine(bounded);
        if (oneLine.length() > MAX_TEXT_LENGTH || raw.length() > bounded.length()) {
            int end = Math.min(oneLine.length(), MAX_TEXT_LENGTH);
            if (end > 0 && Character.isHighSurrogate(oneLine.charAt(end - 1))) {
                end--;
            }
            return oneLine.substring(0, end) + " […]";
        }
        return oneLine;
    }

    /**
     * The text with every run of spaces, control characters (line ends, tabs) and invisible or
     * direction-changing marks made one space, trimmed. (A loop: two regex replacements were a
     * tenth of bulk reading.)
     */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || isControl(c)) {
                gap = true;
            } else {
                if (gap && line.length() > 0) {
                    line.append(' ');
                }
                gap = false;
                line.append(c);
            }
        }
        return line.toString();
    }

    /** ASCII controls, line and paragraph separators, zero-width and direction marks, the byte order mark. */
    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= '\u200B' && c <= '\u200F')
            || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    /** Printable characters and single spaces only: nothing to clean (the common case). */
    private static boolean isAlreadyClean(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == '\u2028' || c == '\u2029')) || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
