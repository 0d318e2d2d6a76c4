package io.maelezo.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.maelezo.engine.data.TsvTable;

/** What tells a bounce written as plain text from other mail ({@code bounce-texts.tsv}). */
final class BounceTexts {
    enum Kind {
        SUBJECT, START, ORIGINAL, AUTOREPLY
    }

    private final Map<Kind, List<Pattern>> patterns;

    private BounceTexts(Map<Kind, List<Pattern>> patterns) {
        this.patterns = patterns;
    }

    static BounceTexts load() {
        Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            patterns.put(kind, new ArrayList<>());
        }
        for (Map<String, String> row : TsvTable.load("bounce-texts.tsv").rows()) {
            Kind kind = Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT));
            int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | (kind == Kind.ORIGINAL ? Pattern.MULTILINE : 0);
            patterns.get(kind).add(Pattern.compile(row.get("pattern"), flags));
        }
        return new BounceTexts(patterns);
    }

    boolean matches(Kind kind, String text) {
        for (Pattern pattern : patterns.get(kind)) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where the copy of the original message starts in this text; its length when it has none. */
    int originalStart(String text) {
        int start = text.length();
        for (Pattern pattern : patterns.get(Kind.ORIGINAL)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find() && matcher.start() < start) {
                start = matcher.start();
            }
        }
        return start;
    }
}
