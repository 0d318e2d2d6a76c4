package io.maelezo.engine.parse;

import java.util.function.Predicate;

/**
 * Finds IPv4 addresses in a text, one character at a time: four numbers 0 to 255 joined by
 * dots (a three-digit number does not start with 0), not part of a longer word, number or
 * dotted name ({@code 1.2.3.4.5} is not an address, nor is {@code v1.2.3.4}).
 */
public final class Ipv4Scanner {
    private Ipv4Scanner() {
    }

    /** The first address that {@code accept} takes, or null. */
    public static String find(String text, Predicate<String> accept) {
        return find(text, 0, accept);
    }

    /** The first address at or after {@code from} that {@code accept} takes, or null. */
    public static String find(String text, int from, Predicate<String> accept) {
        int i = from;
        while (i < text.length()) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isWordOrDot(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = addressEnd(text, i);
            if (end > 0) {
                String address = text.substring(i, end);
                if (accept.test(address)) {
                    return address;
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }

    /** Where the address starting here ends, or -1 when none starts here. */
    private static int addressEnd(String text, int start) {
        int at = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at >= text.length() || text.charAt(at) != '.') {
                    return -1;
                }
                at++;
            }
            int end = at;
            while (end < text.length() && isDigit(text.charAt(end))) {
                end++;
            }
            if (!isOctet(text, at, end)) {
                return -1;
            }
            at = end;
        }
        return at < text.length() && isWordOrDot(text.charAt(at)) ? -1 : at;
    }

    private static boolean isOctet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3) {
            return false;
        }
        if (length == 3 && text.charAt(from) != '1' && text.charAt(from) != '2') {
            return false;
        }
        return Integer.parseInt(text, from, to, 10) <= 255;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What a regex's [\w.] is. */
    private static boolean isWordOrDot(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
    }
}
