package io.maelezo.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** One alert at a refusal's first bounce, a summary at the end of its interval if more came; bounded memory. */
class AlertLedgerTest {
    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-05T06:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    private static Refusal listed(String address) {
        return new Refusal(Refusal.Kind.BLOCKLISTED, "Spamhaus", address, Optional.of("https://check.spamhaus.org/results/?query=" + address));
    }

    @Test
    void aBurstGivesOneAlertThenOneSummaryAtTheEndOfTheInterval() {
        TestClock clock = new TestClock();
        AlertLedger ledger = new AlertLedger(Duration.ofHours(6), 100, clock);

        Optional<Alert> first = ledger.record(listed("192.0.2.1"), "amina@maelezo.test", "554 5.7.1 blocked using zen.spamhaus.org");
        assertThat(first).isPresent();
        assertThat(first.get().summary()).isFalse();
        assertThat(ledger.told(listed("192.0.2.1"))).isTrue();
        for (int i = 0; i < 49; i++) {
            clock.pass(Duration.ofMinutes(1));
            assertThat(ledger.record(listed("192.0.2.1"), "user" + (i % 7) + "@maelezo.test", "554 again")).isEmpty();
        }
        assertThat(ledger.due()).as("not before the interval ends").isEmpty();

        clock.pass(Duration.ofHours(6));
        List<Alert> due = ledger.due();
        assertThat(due).hasSize(1);
        Alert summary = due.get(0);
        assertThat(summary.summary()).isTrue();
        assertThat(summary.bounces()).isEqualTo(50);
        assertThat(summary.senders()).isEqualTo(8);
        assertThat(summary.first()).isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
        assertThat(summary.last()).isEqualTo(Instant.parse("2026-12-05T06:49:00Z"));
        assertThat(summary.sampleReply()).isEqualTo("554 5.7.1 blocked using zen.spamhaus.org");
        assertThat(ledger.due()).as("once").isEmpty();
    }

    @Test
    void aQuietIntervalEndsWithoutSummaryAndTheNextBounceAlertsAgain() {
        TestClock clock = new TestClock();
        AlertLedger ledger = new AlertLedger(Duration.ofHours(6), 100, clock);
        assertThat(ledger.record(listed("192.0.2.1"), "a@maelezo.test", "554")).isPresent();

        clock.pass(Duration.ofHours(7));
        assertThat(ledger.due()).isEmpty();
        assertThat(ledger.recent()).isEmpty();
        assertThat(ledger.record(listed("192.0.2.1"), "a@maelezo.test", "554")).isPresent();
        assertThat(ledger.recent()).containsExactly(listed("192.0.2.1"));
    }

    @Test
    void tenThousandListedAddressesKeepAtMostTheBoundAndEachAlertsOnce() {
        TestClock clock = new TestClock();
        AlertLedger ledger = new AlertLedger(Duration.ofHours(6), 1_000, clock);
        int alerts = 0;
        for (int i = 0; i < 10_000; i++) {
            String address = "198.51." + (i / 256) + "." + (i % 256);
            if (ledger.record(listed(address), "a@maelezo.test", "554").isPresent()) {
                alerts++;
            }
        }
        assertThat(alerts).isEqualTo(10_000);
        assertThat(ledger.size()).isLessThanOrEqualTo(1_000);
        assertThat(ledger.told(listed("198.51.39.15"))).as("the latest is remembered").isTrue();
        assertThat(ledger.told(listed("198.51.0.0"))).as("the oldest was forgotten").isFalse();
    }
}
