package io.maelezo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.text.Texts;

/** The engine keeps lately classified replies: what it answers must stay what the classifier says. */
class EngineTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    @Test
    void aReplySeenBeforeIsClassifiedAsItWasAndAnotherReplyIsNotMistakenForIt() {
        Engine engine = new Engine(Settings.defaults(), CLASSIFIER, Texts.shipped());
        String listed = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";
        String otherAddress = "550 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org";
        String unknown = "550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown";

        for (int burst = 0; burst < 3; burst++) {
            assertSame(engine.classify(listed), CLASSIFIER.classify(listed));
            assertSame(engine.classify(otherAddress), CLASSIFIER.classify(otherAddress));
            assertSame(engine.classify(unknown), CLASSIFIER.classify(unknown));
        }
        assertThat(engine.classify(listed).listedAddress()).contains("192.0.2.1");
        assertThat(engine.classify(otherAddress).listedAddress()).contains("192.0.2.99");
        assertThat(engine.classify(unknown).category()).isEqualTo(Category.MAILBOX_UNKNOWN);
    }

    @Test
    void aVeryLongReplyIsClassifiedToo() {
        Engine engine = new Engine(Settings.defaults(), CLASSIFIER, Texts.shipped());
        String longReply = "550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; " + "x".repeat(5_000);

        assertThat(engine.classify(longReply).category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(engine.classify(longReply).category()).isEqualTo(Category.BLOCKLISTED);
    }

    private static void assertSame(Classification actual, Classification expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.listedAddress()).isEqualTo(expected.listedAddress());
        assertThat(actual.diagnostic().text()).isEqualTo(expected.diagnostic().text());
    }
}
