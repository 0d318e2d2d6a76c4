package io.maelezo.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DiagnosticParserTest {
    private final DiagnosticParser parser = new DiagnosticParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org | 550 | 5.7.1",
        "smtp; 550 5.1.1 <x@example.com>: Recipient address rejected | 550 | 5.1.1",
        "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ## | 550 | 5.1.1",
        "Remote server returned '550 5.7.606 Access denied, banned sending IP [192.0.2.7]' | 550 | 5.7.606",
        "550-5.1.1 The email account that you tried to reach does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser gsmtp | 550 | 5.1.1",
        "host mx.example.net[203.0.113.5] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command) | 452 | 4.2.2",
        "421 Service not available | 421 | -",
        "Status: 5.2.2 | - | 5.2.2",
        "java.net.ConnectException: Connection refused to 127.0.0.1:2525 | - | -",
        "Too many retries failure. Bouncing after 1 retries. | - | -",
        "Client host [192.0.2.1] blocked | - | -",
        "message size 25000000 exceeds limit | - | -",
        "5.7.1 <DATA>: Data command rejected: limit of 400 rcpts per 24 hours reached | - | 5.7.1",
        "#5.1.1 SMTP; 550 sorry, no mailbox here by that name | 550 | 5.1.1",
        // A failure is never a 2xx: the refusal's code after a client's own words is the one read.
        "Expected response code 250 but got code \"432\", with message \"432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded\" | 432 | 4.3.2",
        "221 Idle timeout, bye bye | 221 | -",
    })
    void findsTheReplyCodeAndTheEnhancedStatusWhateverWrapsThem(String reply, String code, String enhanced) {
        Diagnostic diagnostic = parser.parse(reply);

        assertThat(diagnostic.replyCode().orElse(null)).isEqualTo(code);
        assertThat(diagnostic.enhancedStatus().orElse(null)).isEqualTo(enhanced);
    }

    @Test
    void remoteTextIsOneLineWithoutControlCharacters() {
        Diagnostic diagnostic = parser.parse("550 5.7.1 bad\r\nX-Injected: yes\u0000\u202e\tend");

        assertThat(diagnostic.text()).isEqualTo("550 5.7.1 bad X-Injected: yes end");
    }

    @Test
    void aHugeReplyIsBoundedAndMarkedAsCut() {
        String huge = "550 5.7.1 " + "x".repeat(1_000_000);

        Diagnostic diagnostic = parser.parse(huge);

        assertThat(diagnostic.replyCode()).contains("550");
        assertThat(diagnostic.text()).hasSizeLessThan(DiagnosticParser.MAX_TEXT_LENGTH + 10).endsWith("[…]");
    }

    @Test
    void nothingToReadGivesNoCodes() {
        assertThat(parser.parse(null).replyCode()).isEmpty();
        assertThat(parser.parse("").text()).isEmpty();
    }
}
