package io.maelezo.engine.text;

/**
 * Breaks the start of every web address in a text ({@code https://}, {@code http:.},
 * {@code ftp://}, {@code www.}, any case) with an empty {@code <span></span>} right before the
 * {@code //} or the dot, so that no mail client turns remote text into a link. The text still
 * reads and copies as written. One pass over the text: remote words are quoted in every bounce.
 */
final class InertLinks {
    private static final String BREAK = "<span></span>";
    private static final String[] STARTS = {"http:", "https:", "ftp:", "www"};

    private InertLinks() {
    }

    /** @param html text already escaped for HTML */
    static String split(String html) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            int separator = c == '.' ? 1 : c == '/' && i + 1 < html.length() && html.charAt(i + 1) == '/' ? 2 : 0;
            if (separator == 0 || !endsWithAddressStart(html, i)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(html.length() + 64);
            }
            out.append(html, copied, i).append(BREAK);
            copied = i;
            i += separator - 1;
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    private static boolean endsWithAddressStart(String text, int end) {
        for (String start : STARTS) {
            if (end >= start.length() && text.regionMatches(true, end - start.length(), start, 0, start.length())) {
                return true;
            }
        }
        return false;
    }
}
