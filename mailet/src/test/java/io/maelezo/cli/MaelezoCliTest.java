package io.maelezo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.maelezo.report.Dsn;

class MaelezoCliTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        return new MaelezoCli(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    @Test
    void everyCommandTakesTheMailetsParameters() throws Exception {
        assertThat(run(new byte[0], "explain", "--param", "language=en", "550 5.1.1 User unknown")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("What happened?").contains("[mailbox-unknown]");
    }

    @Test
    void aMisspeltOrWrongParameterIsAUsageErrorThatNamesIt() throws Exception {
        assertThat(run(new byte[0], "classify", "--param", "langauge=en")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("langauge=en").contains("language");
        err.reset();
        assertThat(run(new byte[0], "classify", "--param", "bilingual=maybe")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bilingual").contains("maybe");
    }

    @Test
    void classifyAnswersEveryLineInOrderWithExactlyTheDocumentedFields() throws Exception {
        String input = Dsn.BLOCKLIST + "\n\n451 4.7.1 Greylisted, try again later\r\nConnection refused\n";

        assertThat(run(input.getBytes(StandardCharsets.UTF_8), "classify")).isEqualTo(0);

        List<String> lines = outLines();
        assertThat(lines).hasSize(4);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable()
            .containsExactly("reply_code", "enhanced_status", "category", "temporary", "blocklist", "blocklist_url", "decided_by");
        assertThat(first.get("reply_code").asText()).isEqualTo("550");
        assertThat(first.get("enhanced_status").asText()).isEqualTo("5.7.1");
        assertThat(first.get("category").asText()).isEqualTo("blocklisted");
        assertThat(first.get("temporary").asBoolean()).isFalse();
        assertThat(first.get("blocklist").asText()).isEqualTo("spamhaus");
        assertThat(first.get("blocklist_url").asText()).isEqualTo("https://check.spamhaus.org/results/?query=192.0.2.1");
        JsonNode empty = json.readTree(lines.get(1));
        assertThat(empty.get("reply_code").isNull()).isTrue();
        assertThat(empty.get("category").asText()).isEqualTo("unknown");
        assertThat(json.readTree(lines.get(2)).get("temporary").asBoolean()).isTrue();
        assertThat(json.readTree(lines.get(3)).get("category").asText()).isEqualTo("network");
    }

    @Test
    void binaryGarbageAndAMegabyteLineGetAnAnswerNotAStackTrace() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, '\n'});
        input.write(("550 5.1.1 " + "a".repeat(1_100_000) + "\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(run(input.toByteArray(), "classify")).isEqualTo(0);

        assertThat(outLines()).hasSize(2);
        assertThat(json.readTree(outLines().get(1)).get("reply_code").asText()).isEqualTo("550");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void classifyEmlReportsEachFileAndItsFailedRecipients(@TempDir Path directory) throws Exception {
        Path bounce = Files.write(directory.resolve("bounce.eml"), Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).bytes());
        Path plain = Files.write(directory.resolve("plain.eml"), Dsn.ORIGINAL.getBytes(StandardCharsets.UTF_8));

        assertThat(run(new byte[0], "classify", "--eml", bounce.toString(), plain.toString())).isEqualTo(0);

        JsonNode first = json.readTree(outLines().get(0));
        assertThat(first.get("file").asText()).isEqualTo(bounce.toString());
        assertThat(first.get("is_bounce").asBoolean()).isTrue();
        assertThat(first.get("recipients").get(0).get("recipient").asText()).isEqualTo("rcpt@remote.example");
        assertThat(first.get("recipients").get(0).get("category").asText()).isEqualTo("blocklisted");
        JsonNode second = json.readTree(outLines().get(1));
        assertThat(second.get("is_bounce").asBoolean()).isFalse();
        assertThat(second.get("recipients")).isEmpty();
    }

    @Test
    void classifyEmlReadsEveryMessageOfAnMboxWithLfOrCrlfLineEnds(@TempDir Path directory) throws Exception {
        String first = new String(Dsn.james().failed("juma@remote.example", Dsn.BLOCKLIST).bytes(), StandardCharsets.ISO_8859_1);
        String second = new String(Dsn.james().failed("asha@remote.example", "550 5.1.1 User unknown").bytes(), StandardCharsets.ISO_8859_1);
        String mbox = "From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n" + first.replace("\r\n", "\n")
            + "\nFrom MAILER-DAEMON@mx.remote.example Thu Dec  3 10:05:00 2026\n" + second.replace("\r\n", "\n");
        Path lf = Files.writeString(directory.resolve("bounces.mbox"), mbox, StandardCharsets.ISO_8859_1);
        Path crlf = Files.writeString(directory.resolve("bounces-crlf.mbox"), mbox.replace("\n", "\r\n"), StandardCharsets.ISO_8859_1);
        Path single = Files.writeString(directory.resolve("one.mbox"), "From MAILER-DAEMON Thu Dec  3 10:00:00 2026\n" + first,
            StandardCharsets.ISO_8859_1);

        assertThat(run(new byte[0], "classify", "--eml", lf.toString(), crlf.toString(), single.toString())).isEqualTo(0);

        assertThat(outLines()).hasSize(5);
        for (int file = 0; file < 2; file++) {
            JsonNode one = json.readTree(outLines().get(2 * file));
            JsonNode two = json.readTree(outLines().get(2 * file + 1));
            assertThat(one.get("message").asInt()).isEqualTo(1);
            assertThat(one.get("recipients").get(0).get("recipient").asText()).isEqualTo("juma@remote.example");
            assertThat(one.get("recipients").get(0).get("category").asText()).isEqualTo("blocklisted");
            assertThat(two.get("message").asInt()).isEqualTo(2);
            assertThat(two.get("recipients").get(0).get("recipient").asText()).isEqualTo("asha@remote.example");
            assertThat(two.get("recipients").get(0).get("category").asText()).isEqualTo("mailbox-unknown");
        }
        JsonNode alone = json.readTree(outLines().get(4));
        assertThat(alone.has("message")).as("a file of one message has no message number").isFalse();
        assertThat(alone.get("recipients").get(0).get("recipient").asText()).isEqualTo("juma@remote.example");
    }

    @Test
    void classifyEmlSaysWhetherABounceIsProbablyForgedAndWhatAddressWasProbablyMeant(@TempDir Path directory) throws Exception {
        String bounce = "From: MAILER-DAEMON@mx.remote.example\r\nTo: amina@maelezo.test\r\nSubject: Undelivered\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n"
            + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.remote.example\r\n\r\n"
            + "Final-Recipient: rfc822; asha@gmial.com\r\nAction: failed\r\nStatus: 5.1.2\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.2 Host or domain name not found\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n"
            + "Received: from simu by HOST (JAMES SMTP Server ) with ESMTPA ID 1; Thu, 3 Dec 2026 10:00:00 +0300\r\n"
            + "From: amina@maelezo.test\r\nTo: asha@gmial.com\r\nSubject: Picha\r\n\r\nHabari\r\n--b--\r\n";
        Path sentHere = Files.writeString(directory.resolve("sent-here.eml"), bounce.replace("HOST", "mail.maelezo.test"));
        Path forged = Files.writeString(directory.resolve("forged.eml"), bounce.replace("HOST", "mx.spam-sender.example"));

        assertThat(run(new byte[0], "classify", "--param", "ownHosts=mail.maelezo.test", "--eml", sentHere.toString(), forged.toString()))
            .isEqualTo(0);

        JsonNode first = json.readTree(outLines().get(0));
        assertThat(first.get("suspected_forged").asBoolean()).isFalse();
        assertThat(first.get("recipients").get(0).get("suggestion").asText()).isEqualTo("asha@gmail.com");
        assertThat(json.readTree(outLines().get(1)).get("suspected_forged").asBoolean()).isTrue();
    }

    @Test
    void explainWritesWhatAPersonReads() {
        assertThat(run(new byte[0], "explain", "550 5.1.1 User unknown")).isEqualTo(0);

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Barua pepe yako haikufika: seva ya mpokeaji haiitambui anwani hii.")
            .contains("Ufanye nini sasa?");
        out.reset();
        assertThat(run(new byte[0], "explain", "--lang", "en", "550 5.1.1 User unknown")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Your email was not delivered");
    }

    @Test
    void decorateWritesTheDecoratedBounceOrAnExactCopy(@TempDir Path directory) throws Exception {
        Path in = Files.write(directory.resolve("in.eml"), Dsn.james().failed("rcpt@remote.example", Dsn.BLOCKLIST).bytes());
        Path out1 = directory.resolve("out.eml");
        assertThat(run(new byte[0], "decorate", in.toString(), out1.toString())).isEqualTo(0);
        assertThat(Files.readString(out1)).contains("X-Maelezo: explained");

        Path out2 = directory.resolve("again.eml");
        assertThat(run(new byte[0], "decorate", out1.toString(), out2.toString())).isEqualTo(3);
        assertThat(Files.readAllBytes(out2)).isEqualTo(Files.readAllBytes(out1));

        assertThat(run(new byte[0], "decorate", directory.resolve("missing.eml").toString(), out2.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.eml").doesNotContain("\tat ");
    }

    @Test
    void aUsageErrorExitsWithTwoAndTheUsageLine() {
        assertThat(run(new byte[0])).isEqualTo(2);
        assertThat(run(new byte[0], "frobnicate")).isEqualTo(2);
        assertThat(run(new byte[0], "explain", "--lang", "fr", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar maelezo-cli.jar");
    }

    /** The examples of the command line's README (an admin copies them): what the commands print today. */
    @Test
    void theReadmesExamplesAreWhatTheCommandsPrint() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("maelezo.sources.dir", "src/main/java"), "io/maelezo/cli/README.md"),
            StandardCharsets.UTF_8);
        Matcher classify = Pattern.compile("\\$ printf '([^']*)' \\\\\n\\s*\\| mailet/bin/maelezo classify\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(classify.find()).as("the README's classify example").isTrue();
        assertThat(run(classify.group(1).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "classify")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(classify.group(2));
        out.reset();
        Matcher explain = Pattern.compile("\\$ mailet/bin/maelezo explain \"([^\"]*)\"\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(explain.find()).as("the README's explain example").isTrue();
        assertThat(run(new byte[0], "explain", explain.group(1))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(explain.group(2));
    }
}
