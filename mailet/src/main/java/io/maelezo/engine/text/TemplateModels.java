package io.maelezo.engine.text;

import java.util.List;
import java.util.function.Function;

/**
 * What the templates ({@code io/maelezo/templates/}) are given: one class per thing they show,
 * one field per name they use. A template name is a field (or a method without arguments) of
 * these classes, so Java code cannot give a misspelt name, and a template that uses one fails
 * TemplateNamesTest instead of writing an empty line in a bounce. Values are already written
 * for their form (wrapped for text); a field left null is a section the template skips.
 */
final class TemplateModels {
    private TemplateModels() {
    }

    /** The whole notice: every language's explanations, then the technical section once. */
    static final class Page {
        final String lang;
        final String title;
        final List<Part> languages;
        final Labels labels;
        final List<TechnicalRow> rows;
        final Integer moreRows;
        final String reportingServer;
        final String originalText;
        final String explainedBy;

        Page(String lang, String title, List<Part> languages, Labels labels, List<TechnicalRow> rows, Integer moreRows,
             String reportingServer, String originalText, String explainedBy) {
            this.lang = lang;
            this.title = title;
            this.languages = languages;
            this.labels = labels;
            this.rows = rows;
            this.moreRows = moreRows;
            this.reportingServer = reportingServer;
            this.originalText = originalText;
            this.explainedBy = explainedBy;
        }

        /** The returned original's text for HTML: escaped, its web addresses not links. */
        String originalTextHtml() {
            return BounceRenderer.inert(originalText);
        }
    }

    /** The explanations in one language. */
    static final class Part {
        final String lang;
        final Labels labels;
        /** Another language follows this one (the template writes its label). */
        final boolean anotherFollows;
        /** What "your mail provider" means, once per language; null when the texts have none. */
        final String gloss;
        final List<Reason> reasons;
        /** What this notice itself leaves out, and why (a light bounce returns only the headers); null when nothing. */
        final String note;

        /** Said before everything else: "you probably did not send this"; null when nothing is. */
        final Warning warning;

        Part(String lang, Labels labels, boolean anotherFollows, String gloss, List<Reason> reasons, String note, Warning warning) {
            this.warning = warning;
            this.lang = lang;
            this.labels = labels;
            this.anotherFollows = anotherFollows;
            this.gloss = gloss;
            this.reasons = reasons;
            this.note = note;
        }
    }

    /** A warning said first, about the whole notice: its headline and its words. */
    static final class Warning {
        final String headline;
        final String text;

        Warning(String headline, String text) {
            this.headline = headline;
            this.text = text;
        }
    }

    /** One reason: its headline, whom it is about, and its advice already rendered. */
    static final class Reason {
        final String headline;
        final String recipients;
        final String recipientsLabel;
        final boolean delayed;
        /** "Je, ulimaanisha ...?" lines, said right after whom the reason is about. */
        final List<String> suggestions;
        final String advice;

        Reason(String headline, String recipients, String recipientsLabel, boolean delayed, List<String> suggestions, String advice) {
            this.headline = headline;
            this.recipients = recipients;
            this.recipientsLabel = recipientsLabel;
            this.delayed = delayed;
            this.suggestions = suggestions;
            this.advice = advice;
        }
    }

    /** One reason's advice: what happened, the numbered steps, the links maelezo vouches for. */
    static final class Advice {
        final Labels labels;
        final List<String> what;
        final List<Step> steps;
        final List<Link> links;
        final boolean hasLinks;

        Advice(Labels labels, List<String> what, List<Step> steps, List<Link> links) {
            this.labels = labels;
            this.what = what;
            this.steps = steps;
            this.links = links;
            this.hasLinks = !links.isEmpty();
        }
    }

    /** A numbered step ("1."); in HTML, the "ask for help" step is itself a link when {@code href} is set. */
    static final class Step {
        final String number;
        final String text;
        /** A {@code mailto:} or {@code tel:} URI maelezo made from the admin's support contact; null for any other step. */
        final String href;

        Step(String number, String text, String href) {
            this.number = number;
            this.text = text;
            this.href = href;
        }
    }

    /**
     * The templates' fixed words, each from the texts entry named beside it; in the technical
     * section of a bilingual notice, both languages ("Mpokeaji / Recipient").
     */
    static final class Labels {
        final String what;
        final String steps;
        final String technical;
        final String recipients;
        final String links;
        final String english;
        final String recipient;
        final String replyCode;
        final String enhancedStatus;
        final String category;
        final String remoteWords;
        final String reportingServer;
        final String originalText;
        final String retryUntil;

        /** Reads each label from the texts entry it comes from. */
        Labels(Function<String, String> entry) {
            this.what = entry.apply("section.what");
            this.steps = entry.apply("section.steps");
            this.technical = entry.apply("section.technical");
            this.recipients = entry.apply("section.recipients");
            this.links = entry.apply("section.links");
            this.english = entry.apply("section.english");
            this.recipient = entry.apply("technical.recipient");
            this.replyCode = entry.apply("technical.reply-code");
            this.enhancedStatus = entry.apply("technical.enhanced-status");
            this.category = entry.apply("technical.category");
            this.remoteWords = entry.apply("technical.remote-words");
            this.reportingServer = entry.apply("technical.reporting-server");
            this.originalText = entry.apply("technical.original-text");
            this.retryUntil = entry.apply("technical.retry-until");
        }

        /** Each label in both languages, once when they are the same. */
        static Labels both(Function<String, String> first, Function<String, String> second) {
            return new Labels(key -> {
                String one = first.apply(key);
                String other = second.apply(key);
                return one.equals(other) ? one : one + " / " + other;
            });
        }
    }
}
