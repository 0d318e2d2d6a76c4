package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Category;

/** Replies classified lately are kept: what comes back must stay what the classifier says. */
class RecentClassificationsTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    @Test
    void aReplySeenBeforeIsClassifiedAsItWasAndAnotherReplyIsNotMistakenForIt() {
        RecentClassifications recent = new RecentClassifications(CLASSIFIER);
        String listed = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";
        String otherAddress = "550 5.7.1 Service unavailable; Client host [192.0.2.99] blocked using zen.spamhaus.org";
        String unknown = "550 5.1.1 <gone@remote.example>: Recipient address rejected: User unknown";

        for (int burst = 0; burst < 3; burst++) {
            assertSame(recent.classify(listed), CLASSIFIER.classify(listed));
            assertSame(recent.classify(otherAddress), CLASSIFIER.classify(otherAddress));
            assertSame(recent.classify(unknown), CLASSIFIER.classify(unknown));
        }
        assertThat(recent.classify(listed).listedAddress()).contains("192.0.2.1");
        assertThat(recent.classify(otherAddress).listedAddress()).contains("192.0.2.99");
        assertThat(recent.classify(unknown).category()).isEqualTo(Category.MAILBOX_UNKNOWN);
    }

    @Test
    void aVeryLongReplyIsClassifiedToo() {
        RecentClassifications recent = new RecentClassifications(CLASSIFIER);
        String longReply = "550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org; " + "x".repeat(5_000);

        assertThat(recent.classify(longReply).category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(recent.classify(longReply).category()).isEqualTo(Category.BLOCKLISTED);
    }

    private static void assertSame(Classification actual, Classification expected) {
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.listedAddress()).isEqualTo(expected.listedAddress());
        assertThat(actual.diagnostic().text()).isEqualTo(expected.diagnostic().text());
    }
}
