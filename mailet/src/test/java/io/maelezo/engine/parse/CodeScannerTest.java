package io.maelezo.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.maelezo.RandomTexts;

/** The scanner reads codes exactly as these two regular expressions (its specification) do. */
class CodeScannerTest {
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\w.\\-/:])([245][0-5]\\d)(?=[ \\t\\-]|$|[;,'\"\\])])");
    private static final Pattern ENHANCED_STATUS = Pattern.compile("(?<![\\w.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\w]|\\.\\d)");

    private static String replyCodeByRegex(String text) {
        Matcher matcher = REPLY_CODE.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String enhancedStatusByRegex(String text) {
        Matcher matcher = ENHANCED_STATUS.matcher(text);
        return matcher.find()
            ? matcher.group(1) + "." + Integer.parseInt(matcher.group(2)) + "." + Integer.parseInt(matcher.group(3)) : null;
    }

    @Test
    void readsTheCodesOfRealReplies() {
        assertThat(CodeScanner.replyCode("smtp; 550-5.1.1 The email account does not exist")).isEqualTo("550");
        assertThat(CodeScanner.enhancedStatus("smtp; 550-5.1.1 The email account does not exist")).isEqualTo("5.1.1");
        assertThat(CodeScanner.replyCode("host mx.example.net[192.0.2.25] said: 554 5.7.1 blocked")).isEqualTo("554");
        assertThat(CodeScanner.enhancedStatus("#5.01.001 x")).isEqualTo("5.1.1");
        assertThat(CodeScanner.replyCode("Connection to 192.0.2.250:25 refused")).isNull();
        assertThat(CodeScanner.enhancedStatus("from 5.7.1.2 relay")).isNull();
        assertThat(CodeScanner.replyCode("450\n")).isEqualTo("450");
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomTexts() {
        List<String> parts = List.of("5", "4", "2", "0", "1", "9", ".", "-", " ", "\t", "/", ":", ";", "'", "\"", "]", ")",
            "a", "X", "_", "\n", "\r\n", "550", "5.7.1", "4.2.2", "1234", "5.", ".1", "@", "[", "\u2028");
        for (String sample : RandomTexts.of(parts, 12, 200_000, 20261129)) {
            assertThat(CodeScanner.replyCode(sample)).as("reply code of [%s]", sample).isEqualTo(replyCodeByRegex(sample));
            assertThat(CodeScanner.enhancedStatus(sample)).as("enhanced status of [%s]", sample).isEqualTo(enhancedStatusByRegex(sample));
        }
    }
}
