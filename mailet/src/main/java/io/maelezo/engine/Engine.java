package io.maelezo.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Function;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.classify.FailureClassifier;
import io.maelezo.engine.classify.FailureEvidence;
import io.maelezo.engine.classify.Verdict;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.engine.help.DomainSuggestions;
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
    private final Settings settings;
    private final RecentClassifications classifications;
    private final FailureClassifier failures;
    private final ExplanationWriter writer;
    /** Made when first needed: classifying alone (the CLI's bulk reading) never renders a bounce. */
    private volatile BounceRenderer renderer;

    public Engine(Settings settings, Classifier classifier, Texts texts) {
        this(settings, new RecentClassifications(classifier), texts);
    }

    /** An engine that shares its lately classified replies (inside James: with the other mailets). */
    public Engine(Settings settings, RecentClassifications classifications, Texts texts) {
        this.settings = settings;
        this.classifications = classifications;
        this.failures = new FailureClassifier(classifications);
        this.writer = new ExplanationWriter(texts, settings.supportContact(),
            DomainSuggestions.withAdminFile(settings.mailDomainsFile(), Settings.MAIL_DOMAINS_FILE));
    }

    /** The engine with the shipped knowledge, and the admin's texts when the settings name a directory. */
    public static Engine create(Settings settings) {
        Texts texts = settings.textsDirectory().map(Texts::withOverrides).orElseGet(Texts::shipped);
        return new Engine(settings, Classifier.standard(), texts);
    }

    /**
     * The engine a mailet configures: its settings read from its parameters (a wrong value throws
     * IllegalArgumentException naming it), the admin's texts when they name a directory, and the
     * replies classified lately shared with the other mailets.
     */
    public static Engine configured(Function<String, String> parameters, RecentClassifications classifications) {
        Settings settings = Settings.parse(parameters);
        Texts texts = settings.textsDirectory().map(Texts::withOverrides).orElseGet(Texts::shipped);
        Engine engine = new Engine(settings, classifications, texts);
        engine.renderer(); // templates compiled while James starts, not at the first bounce
        return engine;
    }

    public Settings settings() {
        return settings;
    }

    public BounceRenderer renderer() {
        BounceRenderer made = renderer;
        if (made == null) {
            synchronized (this) {
                made = renderer;
                if (made == null) {
                    made = new BounceRenderer();
                    renderer = made;
                }
            }
        }
        return made;
    }

    public Texts texts() {
        return writer.texts();
    }

    /** What a reply means; the same as {@link Classifier#classify}, kept for the next bounce with the same reply. */
    public Classification classify(String reply) {
        return classifications.classify(reply);
    }

    /** What one recipient's failure means, from all that is known of it: see {@link FailureClassifier}. */
    public Verdict decide(FailureEvidence evidence) {
        return failures.decide(evidence);
    }

    public Explanation explain(Language language, Classification classification, List<String> recipients) {
        return writer.explain(language, classification, recipients);
    }

    /** The explanation of recipients that failed, or that the reporting server still tries ({@link Action#DELAYED}). */
    public Explanation explain(Language language, Classification classification, List<String> recipients, Action action) {
        return writer.explain(language, classification, recipients, action);
    }

    /** The same, for a notice written at this time (the date a prepared "ask for help" mail names, in the installation's zone). */
    public Explanation explain(Language language, Classification classification, List<String> recipients, Action action,
                               Supplier<Instant> noticeDate) {
        return writer.explain(language, classification, recipients, action, () -> noticeDate.get().atZone(settings.timeZone()));
    }

    /** "Did you mean ...?": the address a recipient whose domain does not exist was probably meant to be, if one is. */
    public Optional<String> suggestion(String recipient, Classification classification) {
        return writer.suggestion(recipient, classification);
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
