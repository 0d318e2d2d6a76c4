package io.maelezo.james;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code alertInterval}: a number and a unit (s, m, h, d; "6h", "30m"), or an ISO-8601 duration ("PT6H"). */
final class AlertInterval {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private AlertInterval() {
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return PostmasterAlerts.DEFAULT_INTERVAL;
        }
        String written = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(written);
        Duration interval;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "s":
                    interval = Duration.ofSeconds(amount);
                    break;
                case "m":
                    interval = Duration.ofMinutes(amount);
                    break;
                case "h":
                    interval = Duration.ofHours(amount);
                    break;
                default:
                    interval = Duration.ofDays(amount);
            }
        } else {
            try {
                interval = Duration.parse(written.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw invalid(value);
            }
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
