package io.maelezo.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.knowledge.TsvTable;
import io.maelezo.engine.match.ReplyText;

/**
 * What tells a bounce written as plain text from other mail ({@code bounce-texts.tsv}). The words
 * of a kind are looked for all at once ({@link KeywordIndex}): a bounce's text is read once per
 * kind, not once per alternative.
 */
final class BounceTexts {
    enum Kind {
        SUBJECT, START, ORIGINAL, AUTOREPLY, DELAY, DELAY_BODY
    }

    private final Map<Kind, List<Pattern>> patterns;
    private final Map<Kind, KeywordIndex> indexes = new EnumMap<>(Kind.class);

    private BounceTexts(Map<Kind, List<Pattern>> patterns, Map<Kind, List<String>> sources) {
        this.patterns = patterns;
        for (Kind kind : Kind.values()) {
            if (kind != Kind.ORIGINAL) {
                indexes.put(kind, new KeywordIndex(sources.get(kind)));
            }
        }
    }

    static BounceTexts load() {
        Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);
        Map<Kind, List<String>> sources = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            patterns.put(kind, new ArrayList<>());
            sources.put(kind, new ArrayList<>());
        }
        for (Map<String, String> row : TsvTable.load("bounce-texts.tsv").rows()) {
            Kind kind = Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT).replace('-', '_'));
            String source = row.get("pattern");
            if (kind == Kind.ORIGINAL || kind == Kind.SUBJECT) {
                // Originals are line-anchored and announcements are cut out of subjects: run as
                // regexes. Unicode case folding reads every character through Character.toLowerCase:
                // only where needed.
                boolean ascii = source.chars().allMatch(c -> c < 128);
                patterns.get(kind).add(Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | (ascii ? 0 : Pattern.UNICODE_CASE)));
            }
            if (kind != Kind.ORIGINAL) {
                sources.get(kind).add(source); // looked for all at once (KeywordIndex compiles what it needs)
            }
        }
        return new BounceTexts(patterns, sources);
    }

    boolean matches(Kind kind, String text) {
        return indexes.get(kind).firstMatching(ReplyText.of(text)) >= 0;
    }

    /**
     * The subject without the words that only announce a bounce: "Mail System Error - Returned Mail"
     * says nothing of why, "Undeliverable: mailbox full" still says why ("mailbox full").
     */
    String withoutAnnouncement(String subject) {
        String rest = subject;
        for (Pattern pattern : patterns.get(Kind.SUBJECT)) {
            rest = pattern.matcher(rest).replaceAll(" ");
        }
        return rest.strip();
    }

    /** Where the copy of the original message starts in this text; its length when it has none. */
    int originalStart(String text) {
        int start = text.length();
        for (Pattern pattern : patterns.get(Kind.ORIGINAL)) {
            // Only before the earliest start found so far: the next pattern need not read past it.
            Matcher matcher = pattern.matcher(text).region(0, start).useTransparentBounds(true).useAnchoringBounds(false);
            if (matcher.find()) {
                start = matcher.start();
            }
        }
        return start;
    }
}
