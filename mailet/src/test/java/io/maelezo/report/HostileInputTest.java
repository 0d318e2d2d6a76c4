package io.maelezo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;

/**
 * The committed corpus of hostile and broken bounces (src/test/resources/io/maelezo/hostile,
 * expected.tsv there): nothing throws out of the decorator, each gets its expected outcome,
 * a decorated one keeps every original part and stays small, and no remote text becomes a header.
 */
class HostileInputTest {
    private static final BounceDecorator DECORATOR = new BounceDecorator(Engine.create(Settings.defaults()));

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/io/maelezo/hostile/expected.tsv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")).skip(1)
                .forEach(line -> cases.add(Arguments.of(line.split("\t")[0], line.split("\t")[1], line.split("\t")[2])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "mailet, {2} ({0})")
    @MethodSource("cases")
    void theDecorateBounceMailetNeverThrowsAndLeavesTheMailWholeOrExplained(String file, String expected, String description)
        throws Exception {
        byte[] original;
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/io/maelezo/hostile/" + file)) {
            original = in.readAllBytes();
        }
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original));
        org.apache.mailet.base.test.FakeMail mail = org.apache.mailet.base.test.FakeMail.builder().name(file)
            .sender(org.apache.james.core.MaybeSender.nullSender()).recipient("amina@maelezo.test").mimeMessage(message).build();

        assertThatCode(() -> io.maelezo.james.MaelezoTesting.decorateBounce(
            org.apache.mailet.base.test.FakeMailetConfig.builder().mailetName("DecorateBounce").build()).service(mail))
            .doesNotThrowAnyException();

        assertThat(mail.getRecipients()).hasSize(1);
        if (mail.getMessage() != message) {
            // Explained: every part of the original is still there. (Else the mail keeps the very
            // message object it came with: maelezo did not touch it.)
            OriginalParts.assertKept(original, mail.getMessage(), file);
        }
    }

    @ParameterizedTest(name = "{2} ({0}): {1}")
    @MethodSource("cases")
    void aHostileBounceGetsItsExpectedOutcomeAndNeverAnError(String file, String expected, String description) throws Exception {
        byte[] original;
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/io/maelezo/hostile/" + file)) {
            original = in.readAllBytes();
        }
        Decoration[] decoration = new Decoration[1];
        assertThatCode(() -> decoration[0] = DECORATOR.decorate(
            new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original)), Optional.empty()))
            .doesNotThrowAnyException();

        if (expected.equals("DECORATED")) {
            assertThat(decoration[0].outcome()).isEqualTo(Decoration.Outcome.DECORATED);
        } else if (expected.equals("NOT_A_BOUNCE")) {
            assertThat(decoration[0].outcome()).isEqualTo(Decoration.Outcome.NOT_A_BOUNCE);
        }
        if (decoration[0].message().isPresent()) {
            MimeMessage decorated = decoration[0].message().get();
            OriginalParts.assertKept(original, decorated, file);
            MimeMessage read = Dsn.roundTrip(decorated);
            assertThat(read.getHeader("Bcc")).isNull();
            assertThat(Dsn.text(read).length()).as("explanation size").isLessThan(200_000);
            assertThat(Dsn.html(read)).doesNotContain("<script").doesNotContain("<img").doesNotContain("https://evil.example");
        }
    }
}
