package io.maelezo.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.maelezo.engine.classify.Action;

/** What the templates show: the explanations in each language, then the technical details once. */
public final class BounceView {
    final List<List<Explanation>> languages;
    final Texts texts;
    private final List<TechnicalRow> technicalRows;
    private final String reportingServer;
    private final String originalText;
    /** A texts entry about this notice itself (what it leaves out), with its values; null when none. */
    private final String noteEntry;
    private final Map<String, Object> noteValues;
    /** The texts entry that ends the technical section: what is attached (maelezo's own report says what it attached). */
    private final String footerEntry;
    /** The bounce is probably of mail the reader never sent (backscatter): said first, in every language. */
    private final boolean forged;

    /**
     * @param languages     the explanations of each reason, one list per language, the main language first
     * @param technicalRows one per recipient in the report
     */
    public BounceView(List<List<Explanation>> languages, Texts texts, List<TechnicalRow> technicalRows,
                      String reportingServer, String originalText) {
        this(languages, texts, technicalRows, reportingServer, originalText, null, Map.of(), "technical.explained-by");
    }

    /**
     * @param noteEntry   a texts entry said once per language about the notice itself (a light bounce), or null
     * @param footerEntry the texts entry that ends the technical section and says what is attached
     */
    public BounceView(List<List<Explanation>> languages, Texts texts, List<TechnicalRow> technicalRows,
                      String reportingServer, String originalText, String noteEntry, Map<String, Object> noteValues,
                      String footerEntry) {
        this(languages, texts, technicalRows, reportingServer, originalText, noteEntry, noteValues, footerEntry, false);
    }

    private BounceView(List<List<Explanation>> languages, Texts texts, List<TechnicalRow> technicalRows,
                       String reportingServer, String originalText, String noteEntry, Map<String, Object> noteValues,
                       String footerEntry, boolean forged) {
        this.forged = forged;
        this.languages = languages;
        this.texts = texts;
        this.technicalRows = technicalRows;
        this.reportingServer = reportingServer;
        this.originalText = originalText;
        this.noteEntry = noteEntry;
        this.noteValues = noteValues;
        this.footerEntry = footerEntry;
    }

    /**
     * The same view, opening with "you probably did not send this" ({@code notice.forged.headline},
     * {@code notice.forged}) when the bounce's returned original never passed through this installation.
     */
    public BounceView forged(boolean suspected) {
        return new BounceView(languages, texts, technicalRows, reportingServer, originalText, noteEntry, noteValues, footerEntry,
            suspected);
    }

    TemplateModels.Page model(BounceRenderer.Form form, BounceRenderer.LabelsRead labelsRead) {
        Language main = languages.get(0).get(0).language();
        List<TemplateModels.Part> parts = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            List<Explanation> explanations = languages.get(i);
            Language language = explanations.get(0).language();
            // What "your mail provider" means, once per language of the notice (glossary).
            String gloss = texts.render(language, "provider.gloss", Map.of()).map(form.paragraph).orElse(null);
            String note = noteEntry == null ? null : texts.render(language, noteEntry, noteValues).map(form.paragraph).orElse(null);
            TemplateModels.Warning warning = forged ? new TemplateModels.Warning(
                form.paragraph.apply(texts.require(language, "notice.forged.headline", Map.of())),
                form.paragraph.apply(texts.require(language, "notice.forged", Map.of()))) : null;
            parts.add(new TemplateModels.Part(language.tag(), labelsRead.of(texts, language), i + 1 < languages.size(), gloss,
                reasons(explanations, language, form, labelsRead), note, warning));
        }
        TemplateModels.Labels labels = languages.size() > 1
            ? labelsRead.bilingual(texts, main, languages.get(1).get(0).language()) : labelsRead.of(texts, main);
        boolean cut = technicalRows.size() > BounceRenderer.MAX_ROWS;
        return new TemplateModels.Page(main.tag(), languages.get(0).get(0).headline(), parts, labels,
            cut ? technicalRows.subList(0, BounceRenderer.MAX_ROWS) : technicalRows, cut ? technicalRows.size() - BounceRenderer.MAX_ROWS : null,
            reportingServer, originalText, form.paragraph.apply(texts.require(main, footerEntry, Map.of())));
    }

    private List<TemplateModels.Reason> reasons(List<Explanation> explanations, Language language, BounceRenderer.Form form,
                                                BounceRenderer.LabelsRead labelsRead) {
        List<TemplateModels.Reason> reasons = new ArrayList<>();
        for (Explanation explanation : explanations) {
            reasons.add(new TemplateModels.Reason(form.paragraph.apply(explanation.headline()),
                ExplanationWriter.listed(explanation.recipients()), explanation.recipientsLabel(),
                explanation.action() == Action.DELAYED, wrapped(explanation.suggestions(), form),
                form.advice(explanation, texts, labelsRead.of(texts, language))));
        }
        return reasons;
    }

    private static List<String> wrapped(List<String> paragraphs, BounceRenderer.Form form) {
        List<String> wrapped = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            wrapped.add(form.paragraph.apply(paragraph));
        }
        return wrapped;
    }
}
