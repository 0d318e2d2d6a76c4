package io.maelezo.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        DefaultMustacheFactory escaping = new DefaultMustacheFactory();
        this.text = new Form(compile(plain, "bounce.txt.mustache"), compile(plain, "reason-advice.txt.mustache"), BounceRenderer::wrap);
        this.html = new Form(compile(escaping, "bounce.html.mustache"), compile(escaping, "reason-advice.html.mustache"),
            UnaryOperator.identity());
    }

    /**
     * One of the two forms of the bounce: its page template, the template of a reason's advice,
     * how it writes a paragraph (wrapped for plain text, as it is for HTML), and the advice it
     * rendered lately.
     */
    static final class Form {
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
        String advice(Explanation explanation, Texts texts, TemplateModels.Labels labels) {
            List<Object> key = List.of(texts, explanation.language(), explanation.whatHappened(), explanation.steps(), explanation.links(),
                String.valueOf(explanation.helpUri()));
            String kept = rendered.getIfPresent(key);
            if (kept == null) {
                String written = render(advice, adviceModel(explanation, labels));
                kept = written.endsWith("\n") ? written.substring(0, written.length() - 1) : written;
                rendered.put(key, kept);
            }
            return kept;
        }

        TemplateModels.Advice adviceModel(Explanation explanation, TemplateModels.Labels labels) {
            List<String> what = new ArrayList<>();
            explanation.whatHappened().forEach(line -> what.add(paragraph.apply(line)));
            List<TemplateModels.Step> steps = new ArrayList<>();
            for (int i = 0; i < explanation.steps().size(); i++) {
                String text = paragraph.apply(explanation.steps().get(i)).replace("\n", "\n   ");
                steps.add(new TemplateModels.Step((i + 1) + ".", text, i == explanation.helpStep() ? explanation.helpUri() : null));
            }
            return new TemplateModels.Advice(labels, what, steps, explanation.links());
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
     * reason's advice in both.
     */
    List<Object> models(BounceView view) {
        List<Object> models = new ArrayList<>();
        for (Form form : List.of(text, html)) {
            models.add(view.model(form, labels));
            for (List<Explanation> explanations : view.languages) {
                for (Explanation explanation : explanations) {
                    models.add(form.adviceModel(explanation, labels.of(view.texts, explanation.language())));
                }
            }
        }
        return models;
    }

    public String text(BounceView view) {
        return render(text.page, view.model(text, labels));
    }

    public String html(BounceView view) {
        return render(html.page, view.model(html, labels));
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

    private static String render(Mustache template, Object model) {
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

    /** The labels of each set of texts and language, read once (texts are loaded once per mailet): this renderer's own. */
    private final LabelsRead labels = new LabelsRead();

    /** The templates' labels of each set of texts and language, read once and kept (a few sets at most). */
    static final class LabelsRead {
        private final Cache<List<Object>, TemplateModels.Labels> read = CacheBuilder.newBuilder().maximumSize(16).build();

        /**
         * The technical section's labels in both languages ("Mpokeaji / Recipient"): the section is
         * for an administrator or a support desk, who may read either.
         */
        TemplateModels.Labels bilingual(Texts texts, Language main, Language other) {
            List<Object> key = List.of(texts, main, other);
            TemplateModels.Labels labels = read.getIfPresent(key);
            if (labels == null) {
                labels = TemplateModels.Labels.both(entry -> texts.require(main, entry, Map.of()), entry -> texts.require(other, entry, Map.of()));
                read.put(key, labels);
            }
            return labels;
        }

        /** The templates' labels in one language: the same for every bounce. */
        TemplateModels.Labels of(Texts texts, Language language) {
            List<Object> key = List.of(texts, language);
            TemplateModels.Labels labels = read.getIfPresent(key);
            if (labels == null) {
                labels = new TemplateModels.Labels(entry -> texts.require(language, entry, Map.of()));
                read.put(key, labels);
            }
            return labels;
        }
    }
}
