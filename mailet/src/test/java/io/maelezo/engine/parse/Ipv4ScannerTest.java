package io.maelezo.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.maelezo.RandomTexts;

/** The scanner finds the addresses this regular expression (its specification) finds. */
class Ipv4ScannerTest {
    private static final Pattern IPV4 = Pattern.compile(
        "(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\w.])");

    private static String byRegex(String text) {
        Matcher matcher = IPV4.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("127.")) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String byScanner(String text) {
        return Ipv4Scanner.find(text, ip -> !ip.startsWith("127."));
    }

    @Test
    void findsTheListedAddressOfRealRejections() {
        assertThat(byScanner("Client host [192.0.2.10] blocked using zen.spamhaus.org; 127.0.0.2")).isEqualTo("192.0.2.10");
        assertThat(byScanner("listed: 127.0.0.2, see https://www.spamcop.net/bl.shtml?203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(byScanner("version 1.2.3.4.5 and 256.1.1.1 and v10.0.0.1")).isNull();
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomTexts() {
        List<String> parts = List.of("1", "2", "5", "0", "9", "25", "255", "256", "127", "099", "01", ".", ".", "[", " ", "a", "_",
            "-", ":", "?", "=", "192.0.2.1", "127.0.0.1");
        for (String sample : RandomTexts.of(parts, 14, 200_000, 11292026)) {
            assertThat(byScanner(sample)).as("[%s]", sample).isEqualTo(byRegex(sample));
        }
    }
}
