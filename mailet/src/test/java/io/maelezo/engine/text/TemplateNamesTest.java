package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;

/**
 * Every name a template uses is one the renderer gives it, so a misspelt name fails here, not as
 * an empty line in a bounce (Mustache writes nothing for a name it cannot find). The names the
 * renderer gives are read from the models of a real bounce, failed and delayed, in both languages.
 */
class TemplateNamesTest {
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?[#^/]?\\s*([\\w.]+)\\s*\\}?\\}\\}");

    /** Every key of every map in the model, with its dotted path from a map it sits in ("labels.what" and "what"). */
    private static void names(Object model, Set<String> names) {
        if (model instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) model).entrySet()) {
                String key = String.valueOf(entry.getKey());
                names.add(key);
                if (entry.getValue() instanceof Map) {
                    for (Object inner : ((Map<?, ?>) entry.getValue()).keySet()) {
                        names.add(key + "." + inner);
                    }
                }
                names(entry.getValue(), names);
            }
        } else if (model instanceof Collection) {
            for (Object item : (Collection<?>) model) {
                names(item, names);
            }
        }
    }

    private static String template(String name) throws Exception {
        try (InputStream in = TemplateNamesTest.class.getResourceAsStream("/io/maelezo/templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bounce.txt.mustache", "bounce.html.mustache", "reason-advice.txt.mustache", "reason-advice.html.mustache"})
    void everyNameATemplateUsesIsOneTheRendererGives(String name) throws Exception {
        Set<String> given = new TreeSet<>(List.of("."));
        Engine engine = Engine.create(Settings.parse(Map.of(Settings.SUPPORT_CONTACT, "https://msaada.example.co.tz")::get));
        Classification listed = engine.classify("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org");
        List<List<Explanation>> languages = new ArrayList<>();
        for (Language language : engine.languages()) {
            languages.add(List.of(engine.explain(language, listed, List.of("a@remote.example"), Action.FAILED),
                engine.explain(language, listed, List.of("b@remote.example"), Action.DELAYED)));
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : List.of("recipient", "reply_code", "enhanced_status", "category", "remote_words")) {
            row.put(column, "x");
        }
        BounceRenderer.BounceView view = new BounceRenderer.BounceView(languages, engine.texts(), List.of(row), "mx.example", "original");
        for (Map<String, Object> model : engine.renderer().models(view)) {
            names(model, given);
        }
        List<String> unknown = new ArrayList<>();
        Matcher tag = TAG.matcher(template(name));
        while (tag.find()) {
            if (!given.contains(tag.group(1))) {
                unknown.add(tag.group(1));
            }
        }
        assertThat(unknown).as(name + ": names no model gives").isEmpty();
    }
}
