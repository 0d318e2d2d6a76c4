package io.maelezo.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.text.TextStringBuilder;
import org.apache.commons.text.WordUtils;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.util.HtmlEscaper;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import io.maelezo.engine.classify.Action;

/**
 * Writes the human-readable part of a decorated bounce, as plain text and as HTML, from the
 * templates {@code io/maelezo/templates/bounce.txt.mustache} and {@code bounce.html.mustache},
 * each reason's advice from {@code reason-advice.txt.mustache} and {@code reason-advice.html.mustache}.
 * The HTML templates escape every value (Mustache's default); links are only those of
 * {@link Explanation#links()}, which maelezo vouches for. Remote text is never a link.
 */
public final class BounceRenderer {
    private static final int TEXT_WIDTH = 76;
    /** Technical details for at most this many recipients; the report itself keeps them all. */
    static final int MAX_ROWS = 50;

    /**
     * Paragraphs already wrapped. Bounces of one kind say the same things (a blocklisting bounces
     * thousands of mails with the same advice), and WordUtils compiles a pattern on every call.
     * Bounded: at most this many paragraphs, of at most this length.
     */
    private static final int WRAPPED_LONGEST = 600;
    private static final Cache<String, String> WRAPPED = CacheBuilder.newBuilder().maximumSize(1024).build();

    /**
     * Each reason's advice (what happened, the steps, the links), rendered, kept for the next
     * bounce that gives the same advice: a burst of bounces for one reason differs only in its
     * recipients, which are not part of it.
     */
    private static final int ADVICE_KEPT = 256;

    private final Form text;
    private final Form html;

    public BounceRenderer() {
        DefaultMustacheFactory plain = new PlainTextMustacheFactory();
        DefaultMustacheFactory escaping = PlainTextMustacheFactory.useMapModels(new DefaultMustacheFactory());
        this.text = new Form(compile(plain, "bounce.txt.mustache"), compile(plain, "reason-advice.txt.mustache"), BounceRenderer::wrap);
        this.html = new Form(compile(escaping, "bounce.html.mustache"), compile(escaping, "reason-advice.html.mustache"),
            UnaryOperator.identity());
    }

    /**
     * One of the two forms of the bounce: its page template, the template of a reason's advice,
     * how it writes a paragraph (wrapped for plain text, as it is for HTML), and the advice it
     * rendered lately.
     */
    private static final class Form {
        final Mustache page;
        final Mustache advice;
        final UnaryOperator<String> paragraph;
        final Cache<List<Object>, String> rendered = CacheBuilder.newBuilder().maximumSize(ADVICE_KEPT).build();

        Form(Mustache page, Mustache advice, UnaryOperator<String> paragraph) {
            this.page = page;
            this.advice = advice;
            this.paragraph = paragraph;
        }

        /** The advice of one reason, without its last line break (the page template writes it). */
        String advice(Explanation explanation, Texts texts, Map<String, String> labels) {
            List<Object> key = List.of(texts, explanation.language(), explanation.whatHappened(), explanation.steps(), explanation.links());
            String kept = rendered.getIfPresent(key);
            if (kept == null) {
                String written = render(advice, adviceModel(explanation, labels));
                kept = written.endsWith("\n") ? written.substring(0, written.length() - 1) : written;
                rendered.put(key, kept);
            }
            return kept;
        }

        Map<String, Object> adviceModel(Explanation explanation, Map<String, String> labels) {
            Map<String, Object> model = new HashMap<>();
            model.put("labels", labels);
            List<String> what = new ArrayList<>();
            explanation.whatHappened().forEach(line -> what.add(paragraph.apply(line)));
            model.put("what", what);
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < explanation.steps().size(); i++) {
                String number = (i + 1) + ".";
                String text = paragraph.apply(explanation.steps().get(i)).replace("\n", "\n   ");
                steps.add(Map.of("number", number, "text", text));
            }
            model.put("steps", steps);
            List<Map<String, String>> links = new ArrayList<>();
            explanation.links().forEach(link -> links.add(Map.of("label", link.label(), "url", link.url())));
            model.put("links", links);
            model.put("has_links", !links.isEmpty());
            return model;
        }
    }

    /** Templates are read with this class's loader: inside James, the thread's context loader may not see the plugin jar. */
    private static Mustache compile(DefaultMustacheFactory factory, String name) {
        try (InputStream in = BounceRenderer.class.getResourceAsStream("/io/maelezo/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template io/maelezo/templates/" + name);
            }
            return factory.compile(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every model the templates are given for this view: the page's, in text and HTML, and each
     * reason's advice in both. What a template names must be in one of them (TemplateNamesTest).
     */
    List<Map<String, Object>> models(BounceView view) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (Form form : List.of(text, html)) {
            models.add(view.model(form));
            for (List<Explanation> explanations : view.languages) {
                for (Explanation explanation : explanations) {
                    models.add(form.adviceModel(explanation, labelsOf(view.texts, explanation.language())));
                }
            }
        }
        Map<String, Object> htmlExtras = new HashMap<>();
        htmlExtras.put("rows_html", inertRows(view.technicalRows));
        htmlExtras.put("original_text_html", "");
        models.add(htmlExtras);
        return models;
    }

    public String text(BounceView view) {
        return render(text.page, view.model(text));
    }

    public String html(BounceView view) {
        Map<String, Object> model = view.model(html);
        model.put("rows_html", inertRows(view.technicalRows.size() > MAX_ROWS ? view.technicalRows.subList(0, MAX_ROWS) : view.technicalRows));
        Object original = model.get("original_text");
        if (original != null) {
            model.put("original_text_html", inert((String) original));
        }
        return render(html.page, model);
    }

    private static List<Map<String, String>> inertRows(List<Map<String, String>> rows) {
        List<Map<String, String>> result = new ArrayList<>();
        for (Map<String, String> row : rows) {
            Map<String, String> copy = new LinkedHashMap<>(row);
            copy.put("remote_words_html", inert(row.get("remote_words")));
            result.add(copy);
        }
        return result;
    }

    /**
     * Remote text for HTML: escaped, and with every web address split by an empty element so that
     * no mail client turns it into a link (a hostile server can write any address in its reply).
     * It still reads and copies as the server wrote it.
     */
    static String inert(String remote) {
        StringWriter escaped = new StringWriter();
        HtmlEscaper.escape(remote == null ? "" : remote, escaped);
        return InertLinks.split(escaped.toString());
    }

    private static String render(Mustache template, Map<String, Object> model) {
        // Mustache writes in many small pieces: a StringWriter would lock its StringBuffer for each.
        TextStringBuilder out = new TextStringBuilder(8192);
        template.execute(out.asWriter(), model);
        return out.toString();
    }

    /** Wraps a paragraph for reading in a plain-text mail client; long words (URLs) are never broken. */
    static String wrap(String paragraph) {
        if (paragraph.length() <= TEXT_WIDTH && !paragraph.startsWith(" ")) {
            return paragraph; // what WordUtils gives back for a line that fits, without compiling its pattern
        }
        String wrapped = WRAPPED.getIfPresent(paragraph);
        if (wrapped == null) {
            wrapped = WordUtils.wrap(paragraph, TEXT_WIDTH, "\n", false);
            if (paragraph.length() <= WRAPPED_LONGEST) {
                WRAPPED.put(paragraph, wrapped);
            }
        }
        return wrapped;
    }

    /** The templates' labels: the name they use, and the texts entry it comes from. */
    private static final Map<String, String> LABELS = labelNames("section.what", "section.steps", "section.technical",
        "section.recipients", "section.links", "section.english", "technical.recipient", "technical.reply-code",
        "technical.enhanced-status", "technical.category", "technical.remote-words", "technical.reporting-server",
        "technical.original-text");

    /** The labels of each set of texts and language, read once (texts are loaded once per mailet). */
    private static final Cache<List<Object>, Map<String, String>> LABELS_READ = CacheBuilder.newBuilder().maximumSize(16).build();

    private static Map<String, String> labelNames(String... keys) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : keys) {
            names.put(key.substring(key.indexOf('.') + 1).replace('-', '_'), key);
        }
        return Collections.unmodifiableMap(names);
    }

    /** What the templates show: the explanations in each language, then the technical details once. */
    public static final class BounceView {
        private final List<List<Explanation>> languages;
        private final Texts texts;
        final List<Map<String, String>> technicalRows;
        private final String reportingServer;
        private final String originalText;

        /**
         * @param languages     the explanations of each reason, one list per language, the main language first
         * @param technicalRows per failed recipient: recipient, reply code, enhanced status, category, remote words
         */
        public BounceView(List<List<Explanation>> languages, Texts texts, List<Map<String, String>> technicalRows,
                          String reportingServer, String originalText) {
            this.languages = languages;
            this.texts = texts;
            this.technicalRows = technicalRows;
            this.reportingServer = reportingServer;
            this.originalText = originalText;
        }

        Map<String, Object> model(Form form) {
            Language main = languages.get(0).get(0).language();
            List<Map<String, Object>> languageModels = new ArrayList<>();
            for (int i = 0; i < languages.size(); i++) {
                List<Explanation> explanations = languages.get(i);
                Language language = explanations.get(0).language();
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("lang", language.tag());
                model.put("labels", labelsOf(texts, language));
                model.put("another_follows", i + 1 < languages.size());
                // What "your mail provider" means, once per language of the notice (glossary).
                texts.render(language, "provider.gloss", Map.of()).ifPresent(gloss -> model.put("gloss", form.paragraph.apply(gloss)));
                model.put("reasons", reasons(explanations, language, form));
                languageModels.add(model);
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("lang", main.tag());
            model.put("title", languages.get(0).get(0).headline());
            model.put("languages", languageModels);
            model.put("labels", languages.size() > 1 ? bilingualLabels(texts, main, languages.get(1).get(0).language()) : labelsOf(texts, main));
            model.put("rows", technicalRows.size() > MAX_ROWS ? technicalRows.subList(0, MAX_ROWS) : technicalRows);
            model.put("more_rows", technicalRows.size() > MAX_ROWS ? technicalRows.size() - MAX_ROWS : null);
            model.put("reporting_server", reportingServer);
            model.put("original_text", originalText);
            model.put("explained_by", form.paragraph.apply(texts.require(main, "technical.explained-by", Map.of())));
            return model;
        }

        private List<Map<String, Object>> reasons(List<Explanation> explanations, Language language, Form form) {
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (Explanation explanation : explanations) {
                Map<String, Object> reason = new HashMap<>();
                reason.put("headline", form.paragraph.apply(explanation.headline()));
                reason.put("recipients", ExplanationWriter.listed(explanation.recipients()));
                reason.put("recipients_label", explanation.recipientsLabel());
                reason.put("delayed", explanation.action() == Action.DELAYED);
                reason.put("advice", form.advice(explanation, texts, labelsOf(texts, language)));
                reasons.add(reason);
            }
            return reasons;
        }
    }

    /**
     * The technical section's labels in both languages ("Mpokeaji / Recipient"): the section is
     * for an administrator or a support desk, who may read either.
     */
    private static Map<String, String> bilingualLabels(Texts texts, Language main, Language other) {
        List<Object> key = List.of(texts, main, other);
        Map<String, String> named = LABELS_READ.getIfPresent(key);
        if (named == null) {
            Map<String, String> first = labelsOf(texts, main);
            Map<String, String> second = labelsOf(texts, other);
            Map<String, String> both = new LinkedHashMap<>();
            first.forEach((name, label) -> both.put(name, label.equals(second.get(name)) ? label : label + " / " + second.get(name)));
            named = Collections.unmodifiableMap(both);
            LABELS_READ.put(key, named);
        }
        return named;
    }

    /** The templates' labels in one language, by the name the templates use: the same for every bounce. */
    private static Map<String, String> labelsOf(Texts texts, Language language) {
        List<Object> key = List.of(texts, language);
        Map<String, String> named = LABELS_READ.getIfPresent(key);
        if (named == null) {
            Map<String, String> read = new LinkedHashMap<>();
            LABELS.forEach((name, entry) -> read.put(name, texts.require(language, entry, Map.of())));
            named = Collections.unmodifiableMap(read);
            LABELS_READ.put(key, named);
        }
        return named;
    }
}
