package io.maelezo.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Sendmail transcript ("----- Transcript of session follows -----") is read: what a server
 * said of a recipient stands just ABOVE the recipient's own line (sendmail's usersmtp.c and
 * savemail.c):
 * <pre>
 * While talking to mailin1.example.org:
 * &gt;&gt;&gt; MAIL From:&lt;juma@example.co.tz&gt;
 * &lt;&lt;&lt; 501 ... no access from mail server [192.0.2.55] which is an open relay.
 * 554 &lt;asha@example.org&gt;... Remote protocol error
 * 550 example.net (smtp)... 550 Host unknown
 * 554 &lt;neema@example.net&gt;... 550 Host unknown (Authoritative answer from name server)
 * </pre>
 * So a recipient's words start at the first of those lines above its own (a "While talking to"
 * line is the first of a block) and end before the next recipient's, or the next server's block.
 * When the server refused for good ("&lt;&lt;&lt; 5xx"), its reply is the recipient's reply: sendmail's own
 * lines after it say what became of the connection ("Remote protocol error: Connection reset").
 */
final class SendmailTranscript {
    /** A line of a transcript that belongs to the recipient line below it. */
    private static final Pattern ABOVE = Pattern.compile("(?i)(<<< |>>> |while talking to |\\d{3} \\S+ \\([\\w-]+\\)\\.\\.\\. )");
    private static final String NEXT_SERVER = "\nWhile talking to ";
    /** The server's final refusal, on one or more lines ("<<< 550-5.7.1 ...", "<<< 550 5.7.1 ..."). */
    private static final Pattern REFUSAL = Pattern.compile("(?m)^<<< (5\\d\\d[ -].*)$");

    private SendmailTranscript() {
    }

    /**
     * Where each recipient's words start, moved up to the transcript lines above its own line.
     *
     * @param positions each recipient's line start in {@code ownWords}, in the order of the text
     */
    static Map<String, Integer> withTheirBlocks(String ownWords, Map<String, Integer> positions) {
        if (ownWords.indexOf("\n<<< ") < 0 && ownWords.indexOf("(smtp)... ") < 0) {
            return positions;
        }
        Map<String, Integer> moved = new LinkedHashMap<>();
        int previous = -1;
        for (Map.Entry<String, Integer> entry : positions.entrySet()) {
            int start = entry.getValue();
            while (start > 0 && start > previous + 1) {
                int above = ownWords.lastIndexOf('\n', start - 2) + 1;
                if (above <= previous) {
                    break;
                }
                Matcher line = ABOVE.matcher(ownWords.substring(above, start - 1));
                if (!line.lookingAt()) {
                    break;
                }
                start = above;
                if (line.group(1).regionMatches(true, 0, "while", 0, 5)) {
                    break; // the first line of the block about this recipient's server
                }
            }
            moved.put(entry.getKey(), start);
            previous = entry.getValue();
        }
        return moved;
    }

    /** The end of the words that start at {@code start}: {@code end}, or before the next server's block if that comes first. */
    static int endBeforeNextServer(String ownWords, int start, int end) {
        int nextServer = ownWords.indexOf(NEXT_SERVER, start);
        return nextServer >= 0 && nextServer < end ? nextServer + 1 : end;
    }

    /** The server's own refusal when these words of a transcript hold one (its "&lt;&lt;&lt; 5xx" lines), else the words. */
    static String remoteRefusal(String words) {
        if (words.indexOf("<<< 5") < 0) {
            return words;
        }
        Matcher line = REFUSAL.matcher(words);
        StringBuilder refusal = new StringBuilder();
        while (line.find()) {
            refusal.append(refusal.length() == 0 ? "" : "\n").append(line.group(1));
        }
        return refusal.length() == 0 ? words : refusal.toString();
    }
}
