package io.maelezo.engine;

import java.util.ArrayList;
import java.util.List;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.text.BounceRenderer;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.ExplanationWriter;
import io.maelezo.engine.text.Language;
import io.maelezo.engine.text.Texts;

/**
 * The explanation engine: classify what a server said, pick the guidance, render it. One engine
 * serves the mailets, the DSN decorator and the command line. Built once (it loads the data
 * files and texts), then used from any number of threads.
 */
public final class Engine {
    /**
     * Replies classified lately, by their text: a burst of bounces (a blocklisting bounces
     * thousands of mails in minutes) repeats one reply word for word. Bounded in number and in
     * the length of the replies kept.
     */
    private static final int CLASSIFIED_KEPT = 256;
    private static final int LONGEST_KEPT = 2_000;

    private final Cache<String, Classification> classified = CacheBuilder.newBuilder().maximumSize(CLASSIFIED_KEPT).build();
    private final Settings settings;
    private final Classifier classifier;
    private final ExplanationWriter writer;
    private final BounceRenderer renderer;

    public Engine(Settings settings, Classifier classifier, Texts texts) {
        this.settings = settings;
        this.classifier = classifier;
        this.writer = new ExplanationWriter(texts, settings.supportContact());
        this.renderer = new BounceRenderer();
    }

    /** The engine with the shipped knowledge, and the admin's texts when the settings name a directory. */
    public static Engine create(Settings settings) {
        Texts texts = settings.textsDirectory().map(Texts::withOverrides).orElseGet(Texts::shipped);
        return new Engine(settings, Classifier.standard(), texts);
    }

    public Settings settings() {
        return settings;
    }

    public Classifier classifier() {
        return classifier;
    }

    public BounceRenderer renderer() {
        return renderer;
    }

    public Texts texts() {
        return writer.texts();
    }

    /** What a reply means; the same as {@link Classifier#classify}, kept for the next bounce with the same reply. */
    public Classification classify(String reply) {
        if (reply.length() > LONGEST_KEPT) {
            return classifier.classify(reply);
        }
        Classification kept = classified.getIfPresent(reply);
        if (kept == null) {
            kept = classifier.classify(reply);
            classified.put(reply, kept);
        }
        return kept;
    }

    public Explanation explain(Language language, Classification classification, List<String> recipients) {
        return writer.explain(language, classification, recipients);
    }

    /** What a reply code means, in words: its own entry, else the meaning of its digits. */
    public String codeMeaning(Language language, String code) {
        return writer.codeMeaning(language, code);
    }

    /** The languages a bounce is written in: the configured one, then the other one when bilingual. */
    public List<Language> languages() {
        List<Language> languages = new ArrayList<>();
        languages.add(settings.language());
        if (settings.bilingual()) {
            languages.add(settings.language().other());
        }
        return languages;
    }
}
