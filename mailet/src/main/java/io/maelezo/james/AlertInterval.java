package io.maelezo.james;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.apache.james.util.DurationParser;

/** {@code alertInterval}: a duration as James's own settings write one ("6h", "30m", "90s"; a bare number is seconds). */
final class AlertInterval {
    private AlertInterval() {
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return PostmasterAlerts.DEFAULT_INTERVAL;
        }
        Duration interval;
        try {
            interval = DurationParser.parse(value.trim(), ChronoUnit.SECONDS);
        } catch (RuntimeException e) {
            throw invalid(value);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw invalid(value);
        }
        return interval;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("'alertInterval' must be a duration such as 6h, 30m or 90s; not '" + value + "'");
    }
}
