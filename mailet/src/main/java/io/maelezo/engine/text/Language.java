package io.maelezo.engine.text;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The languages maelezo writes in. Swahili is the one it exists for. */
public enum Language {
    SW("sw"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as written in Content-Language and in the texts' file names. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
    }

    public static String allowedTags() {
        return Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", "));
    }

    /** The other language: the second version of a bilingual bounce. */
    public Language other() {
        return this == SW ? EN : SW;
    }
}
