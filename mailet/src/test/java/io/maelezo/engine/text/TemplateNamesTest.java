package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;

/**
 * Every name a template uses is a field or a method of the classes the renderer gives it
 * ({@link TemplateModels}, {@link TechnicalRow}, {@link Link}), so a misspelt name fails here, not
 * as an empty line in a bounce (Mustache writes nothing for a name it cannot find). Java code
 * cannot misspell one: the models are classes, not maps.
 */
class TemplateNamesTest {
    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?[#^/]?\\s*([\\w.]+)\\s*\\}?\\}\\}");
    private static final List<Class<?>> MODELS = List.of(TemplateModels.Page.class, TemplateModels.Part.class,
        TemplateModels.Reason.class, TemplateModels.Advice.class, TemplateModels.Step.class, TemplateModels.Labels.class,
        TechnicalRow.class, Link.class);

    /** Each model's fields and argument-less methods, and "labels.x" for each label. */
    private static Set<String> namesTheModelsGive() {
        Set<String> names = new TreeSet<>(List.of("."));
        for (Class<?> model : MODELS) {
            for (Field field : model.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                    if (model == TemplateModels.Labels.class) {
                        names.add("labels." + field.getName());
                    }
                }
            }
            for (Method method : model.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && !Modifier.isPrivate(method.getModifiers())) {
                    names.add(method.getName());
                }
            }
        }
        return names;
    }

    private static String template(String name) throws Exception {
        try (InputStream in = TemplateNamesTest.class.getResourceAsStream("/io/maelezo/templates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bounce.txt.mustache", "bounce.html.mustache", "reason-advice.txt.mustache", "reason-advice.html.mustache"})
    void everyNameATemplateUsesIsOneTheModelsGive(String name) throws Exception {
        Set<String> given = namesTheModelsGive();
        List<String> unknown = new ArrayList<>();
        Matcher tag = TAG.matcher(template(name));
        while (tag.find()) {
            if (!given.contains(tag.group(1))) {
                unknown.add(tag.group(1));
            }
        }
        assertThat(unknown).as(name + ": names no model gives").isEmpty();
    }

    /** What the renderer gives the templates are these classes, in text and HTML, failed and delayed, both languages. */
    @Test
    void theRendererGivesOnlyTheseModels() {
        Engine engine = Engine.create(Settings.parse(Map.of(Settings.SUPPORT_CONTACT, "https://msaada.example.co.tz")::get));
        Classification listed = engine.classify("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org");
        List<List<Explanation>> languages = new ArrayList<>();
        for (Language language : engine.languages()) {
            languages.add(List.of(engine.explain(language, listed, List.of("a@remote.example"), Action.FAILED),
                engine.explain(language, listed, List.of("b@remote.example"), Action.DELAYED)));
        }
        TechnicalRow row = new TechnicalRow("a@remote.example", "554 (x)", "5.7.1", "blocklisted", "blocked");
        BounceView view = new BounceView(languages, engine.texts(), List.of(row), "mx.example", "original");

        assertThat(engine.renderer().models(view)).extracting(Object::getClass)
            .containsOnly(TemplateModels.Page.class, TemplateModels.Advice.class)
            .contains(TemplateModels.Page.class, TemplateModels.Advice.class);
    }
}
