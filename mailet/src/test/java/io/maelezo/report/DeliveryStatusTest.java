package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.RandomTexts;
import io.maelezo.engine.parse.DiagnosticParser;

class DeliveryStatusTest {
    private final DiagnosticParser parser = new DiagnosticParser();

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // James writes the whole error as Status: the enhanced code in the reply wins.
        "failed | 550 5.7.1 Service unavailable; blocked | 5.7.1",
        // Only a reply code: X.0.0 with its class.
        "failed | 550 Requested action not taken | 5.0.0",
        // James gave up after retries: the remote text is lost.
        "failed | Too many retries failure. Bouncing after 1 retries. | 5.4.7",
        // Action failed means a permanent status, whatever the code said.
        "failed | 451 4.3.0 Temporary local problem | 5.3.0",
        "failed | java.net.ConnectException: Connection refused | 5.0.0",
        "delayed | 451 4.3.0 Temporary local problem | 4.3.0",
    })
    void repairsAMalformedStatusField(String action, String error, String repaired) {
        byte[] content = Dsn.james().recipient("a@remote.example", action, error, "smtp; " + error).deliveryStatus()
            .getBytes(StandardCharsets.ISO_8859_1);

        String result = new String(DeliveryStatus.parse(content).repairedStatus(parser).orElseThrow(), StandardCharsets.ISO_8859_1);

        assertThat(result).contains("\r\nStatus: " + repaired + "\r\n");
        // Every other byte stays as it was.
        assertThat(result.replace("Status: " + repaired, "Status: " + error)).isEqualTo(new String(content, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aGroupStartingWithAContinuationLineIsReadAsNoFieldsNotAnError() {
        // Found by the fuzzer: javax.mail's InternetHeaders throws IndexOutOfBoundsException here.
        byte[] content = "\t\r\n ".getBytes(StandardCharsets.ISO_8859_1);

        DeliveryStatus status = DeliveryStatus.parse(content);

        assertThat(status.recipients()).isEmpty();
        assertThat(status.repairedStatus(parser)).isEmpty();
    }

    @Test
    void aDelayedRecipientsWillRetryUntilIsReadOnlyWhenItIsADate() {
        byte[] content = ("Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; a@remote.example\r\nAction: delayed\r\n"
            + "Status: 4.4.1\r\nWill-Retry-Until: Sat, 5 Dec 2026 12:00:00 +0000\r\n\r\nFinal-Recipient: rfc822; b@remote.example\r\n"
            + "Action: delayed\r\nStatus: 4.4.1\r\nWill-Retry-Until: tomorrow, probably\r\n\r\n"
            + "Final-Recipient: rfc822; c@remote.example\r\nAction: failed\r\nStatus: 5.4.7\r\n"
            + "Will-Retry-Until: Sat, 5 Dec 2026 12:00:00 +0000\r\n").getBytes(StandardCharsets.ISO_8859_1);

        List<RecipientStatus> recipients = DeliveryStatus.parse(content).recipients();

        assertThat(recipients.get(0).willRetryUntil()).hasValue(java.time.Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(recipients.get(1).willRetryUntil()).isEmpty();
        assertThat(recipients.get(2).willRetryUntil()).as("nobody retries for a failed recipient").isEmpty();
    }

    @Test
    void aValidStatusIsLeftAlone() {
        byte[] content = Dsn.james().recipient("a@remote.example", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown")
            .deliveryStatus().getBytes(StandardCharsets.ISO_8859_1);

        assertThat(DeliveryStatus.parse(content).repairedStatus(parser)).isEmpty();
    }

    @Test
    void readsEachRecipientGroup() {
        byte[] content = Dsn.james()
            .recipient("a@remote.example", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown")
            .recipient("b@remote.example", "delivered", "2.0.0", null)
            .deliveryStatus().getBytes(StandardCharsets.ISO_8859_1);

        DeliveryStatus status = DeliveryStatus.parse(content);

        assertThat(status.reportingMta()).contains("127.0.0.1");
        assertThat(status.recipients()).extracting(RecipientStatus::recipient).containsExactly("a@remote.example", "b@remote.example");
        assertThat(status.recipients()).extracting(RecipientStatus::isFailure).containsExactly(true, false);
        assertThat(status.recipients().get(0).diagnostic()).contains("550 5.1.1 User unknown");
    }

    @Test
    void sendmailsActualRecipientIsThePassedOnAddressButNeverAProgram() {
        byte[] content = ("Reporting-MTA: dns; mx.example\r\n\r\n"
            + "Final-Recipient: RFC822; a@remote.example\r\nX-Actual-Recipient: RFC822; other@pool.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
            + "Final-Recipient: RFC822; b@remote.example\r\nX-Actual-Recipient: X-Unix; |/usr/bin/procmail -f- #b@remote.example\r\n"
            + "Action: failed\r\nStatus: 5.0.0\r\n\r\n"
            + "Final-Recipient: RFC822; c@remote.example\r\nX-Actual-Recipient: rfc822; C@Remote.example\r\nAction: failed\r\nStatus: 5.0.0\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(DeliveryStatus.parse(content).recipients()).extracting(RecipientStatus::passedOnTo)
            .containsExactly(Optional.of("other@pool.example"), Optional.empty(), Optional.empty());
    }

    @Test
    void recipientsWrittenWithoutABlankLineBetweenThemAreEachRead() {
        byte[] content = ("Reporting-MTA: dns; mx.example\r\n\r\n"
            + "Final-Recipient: rfc822; a@remote.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            + "Original-Recipient: rfc822; B@remote.example\r\n"
            + "Final-Recipient: rfc822; b@remote.example\r\nAction: failed\r\nStatus: 5.2.2\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(DeliveryStatus.parse(content).recipients()).extracting(RecipientStatus::recipient)
            .containsExactly("a@remote.example", "b@remote.example");
    }

    @Test
    void repairingAStatusThatEndsInTheWordsOriginalRecipientKeepsEveryRecipient() {
        // Found by the fuzzer: "original-recipient:" at the end of a (bad) Status value was taken
        // for an Original-Recipient field, so the next recipient's fields were glued to this one's;
        // once the value was repaired, they were not: repairing changed who the report was about.
        byte[] content = ("Reporting-MTA: dns; mx.example\r\n\r\n"
            + "Final-Recipient: rfc822; a@remote.example\r\nAction: failed\r\n"
            + "Status: 550 no original-recipient:\r\n"
            + "Final-Recipient: rfc822; b@remote.example\r\nAction: failed\r\nStatus: 5.2.2\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

        DeliveryStatus status = DeliveryStatus.parse(content);
        DeliveryStatus repaired = DeliveryStatus.parse(status.repairedStatus(parser).orElseThrow());

        assertThat(status.recipients()).extracting(RecipientStatus::recipient)
            .containsExactly("a@remote.example", "b@remote.example");
        assertThat(repaired.recipients()).extracting(RecipientStatus::recipient, RecipientStatus::status)
            .containsExactly(tuple("a@remote.example", Optional.of("5.0.0")), tuple("b@remote.example", Optional.of("5.2.2")));
    }

    @Test
    void groupsAreSplitAtBlankLinesExactlyAsThisRegularExpressionSplitsThem() {
        Pattern blankLines = Pattern.compile("\\r?\\n(?:[ \\t]*\\r?\\n)+");
        List<String> parts = List.of("\r", "\n", "\r\n", " ", "\t", "a", "Status: 5.0.0", ":");
        for (String sample : RandomTexts.of(parts, 10, 200_000, 291126)) {
            Matcher matcher = blankLines.matcher(sample);
            int from = 0;
            while (true) {
                int[] separator = DeliveryStatus.nextSeparator(sample, from);
                boolean found = matcher.find();
                assertThat(separator != null).as("[%s] from %d", sample, from).isEqualTo(found);
                if (!found) {
                    break;
                }
                assertThat(separator).as("[%s] from %d", sample, from).containsExactly(matcher.start(), matcher.end());
                from = separator[1];
            }
        }
    }
}
