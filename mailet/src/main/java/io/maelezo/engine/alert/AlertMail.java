package io.maelezo.engine.alert;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.text.Language;
import io.maelezo.engine.text.Texts;

/**
 * The words of an alert to the postmaster: English first (the admin's), then Swahili, from the
 * texts' {@code alert.*} entries. Plain text: the remote server's words are quoted, cleaned to one
 * line, bounded, and their web addresses defanged so that no mail client makes them links.
 */
public final class AlertMail {
    private static final int MAX_SAMPLE = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(UTC'xxx')'", Locale.ROOT);

    private final Texts texts;
    private final ZoneId zone;

    public AlertMail(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    public String subject(Alert alert) {
        return texts.require(Language.EN, "alert.subject", values(alert, Duration.ZERO)).replaceAll("[\\r\\n]+", " ");
    }

    public String body(Alert alert, Duration interval) {
        Map<String, Object> values = values(alert, interval);
        String kind = alert.refusal().kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> paragraphs = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.SW)) {
            List<String> entries = new ArrayList<>(List.of(alert.summary() ? "alert.intro.summary" : "alert.intro", "alert.what." + kind,
                "alert.counts", "alert.sample"));
            if (alert.refusal().page().isPresent()) {
                entries.add("alert.page");
            }
            entries.add("alert.check." + kind);
            if (alert.refusal().party().toLowerCase(Locale.ROOT).contains("uceprotect")) {
                entries.add("alert.trap.uceprotect");
            }
            entries.add("alert.users");
            entries.add("alert.footer");
            for (String entry : entries) {
                texts.render(language, entry, values).ifPresent(paragraphs::add);
            }
            paragraphs.add(language == Language.EN ? "----------------------------------------------------------------------" : "");
        }
        return String.join("\n\n", paragraphs).strip() + "\n";
    }

    private Map<String, Object> values(Alert alert, Duration interval) {
        Map<String, Object> values = new HashMap<>();
        values.put("party", alert.refusal().party());
        if (!alert.refusal().listed().isEmpty()) {
            values.put("listed", alert.refusal().listed());
        }
        alert.refusal().page().ifPresent(page -> values.put("page", page));
        values.put("bounces", alert.bounces());
        values.put("senders", alert.senders());
        values.put("first", WHEN.format(alert.first().atZone(zone)));
        values.put("last", WHEN.format(alert.last().atZone(zone)));
        String sample = DiagnosticParser.clean(alert.sampleReply());
        values.put("sample", defanged(sample.length() > MAX_SAMPLE ? sample.substring(0, MAX_SAMPLE) + "…" : sample));
        values.put("interval", readable(interval));
        return values;
    }

    private static final Pattern WEB_SCHEME = Pattern.compile("(?i)\\bhttp(s?)(?=://)");
    private static final Pattern WWW = Pattern.compile("(?i)\\b(www)\\.");

    /**
     * Remote words in a plain-text mail: mail clients turn any web address into a link, so the
     * addresses are written as admins write untrusted ones ("hxxps://", "www[.]"): still readable,
     * never a link.
     */
    static String defanged(String remote) {
        return WWW.matcher(WEB_SCHEME.matcher(remote).replaceAll("hxxp$1")).replaceAll("$1[.]");
    }

    /** "6 h", "90 s": the interval as an admin wrote it. */
    public static String readable(Duration interval) {
        if (interval.toSeconds() % 3600 == 0) {
            return interval.toHours() + " h";
        }
        if (interval.toSeconds() % 60 == 0) {
            return interval.toMinutes() + " min";
        }
        return interval.toSeconds() + " s";
    }
}
