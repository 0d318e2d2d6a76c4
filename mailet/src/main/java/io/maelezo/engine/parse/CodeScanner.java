package io.maelezo.engine.parse;

/**
 * Reads the first reply code and the first enhanced status code out of a text, one character
 * at a time (what a server says is read for every bounce, so this is kept cheap):
 * <ul>
 *   <li>a reply code is 2xx, 4xx or 5xx with a second digit 0 to 5, not part of a longer word,
 *       an IP address, a version or a path, and followed by a space, a tab, '-' (a continuation
 *       line), the end or one of {@code ; , ' " ] )};</li>
 *   <li>an enhanced status code is class.subject.detail (RFC 3463) with a class of 2, 4 or 5 and
 *       one to three digits each, not part of a longer word or of an IP address.</li>
 * </ul>
 */
final class CodeScanner {
    private CodeScanner() {
    }

    static String replyCode(String text) {
        int at = replyCodeIndex(text);
        return at < 0 ? null : text.substring(at, at + 3);
    }

    /** Where {@link #replyCode} starts, or -1. */
    static int replyCodeIndex(String text) {
        return replyCodeIndex(text, 0);
    }

    /** Where the first reply code at or after {@code from} starts, or -1. */
    static int replyCodeIndex(String text, int from) {
        for (int i = from; i + 3 <= text.length(); i++) {
            char first = text.charAt(i);
            if ((first == '2' || first == '4' || first == '5')
                && isDigitBetween(text.charAt(i + 1), '0', '5') && isDigit(text.charAt(i + 2))
                && (i == 0 || !(isWordChar(text.charAt(i - 1)) || ".-/:".indexOf(text.charAt(i - 1)) >= 0))
                && (i + 3 == text.length() || " \t-;,'\"])".indexOf(text.charAt(i + 3)) >= 0 || isFinalLineBreak(text, i + 3))) {
                return i;
            }
        }
        return -1;
    }

    /** The code with leading zeros dropped (RFC 3463 writes 5.1.1, never 5.01.1). */
    static String enhancedStatus(String text) {
        int at = enhancedStatusIndex(text);
        return at < 0 ? null : enhancedStatusAt(text, at);
    }

    /** The enhanced status code that {@link #enhancedStatusIndex} found at {@code at}. */
    static String enhancedStatusAt(String text, int at) {
        int subjectEnd = digitsEnd(text, at + 2);
        int detailEnd = digitsEnd(text, subjectEnd + 1);
        return text.charAt(at) + "." + Integer.parseInt(text.substring(at + 2, subjectEnd))
            + "." + Integer.parseInt(text.substring(subjectEnd + 1, detailEnd));
    }

    /** Where {@link #enhancedStatus} starts, or -1. */
    static int enhancedStatusIndex(String text) {
        for (int i = 0; i + 5 <= text.length(); i++) {
            char first = text.charAt(i);
            if ((first == '2' || first == '4' || first == '5') && text.charAt(i + 1) == '.'
                && (i == 0 || !(isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))) {
                int subjectEnd = digitsEnd(text, i + 2);
                if (subjectEnd - (i + 2) < 1 || subjectEnd - (i + 2) > 3 || subjectEnd >= text.length() || text.charAt(subjectEnd) != '.') {
                    continue;
                }
                int detailEnd = digitsEnd(text, subjectEnd + 1);
                if (detailEnd - (subjectEnd + 1) < 1 || detailEnd - (subjectEnd + 1) > 3) {
                    continue;
                }
                if (detailEnd < text.length() && (isWordChar(text.charAt(detailEnd))
                    || (text.charAt(detailEnd) == '.' && detailEnd + 1 < text.length() && isDigit(text.charAt(detailEnd + 1))))) {
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigitBetween(char c, char low, char high) {
        return c >= low && c <= high;
    }

    /** What a regex's \w is: ASCII letters, digits and '_'. */
    private static boolean isWordChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** A line break that ends the text ("550 \n"): the code still stands at the end. */
    private static boolean isFinalLineBreak(String text, int at) {
        String rest = text.substring(at);
        return rest.equals("\n") || rest.equals("\r\n") || rest.equals("\r") || rest.equals("\u0085")
            || rest.equals("\u2028") || rest.equals("\u2029");
    }
}
