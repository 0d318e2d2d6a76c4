package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.reflect.SimpleObjectHandler;

class MapModelHandlerTest {
    /** Names in sections inside sections, dotted names, a value null inside and set outside, sections on strings and booleans. */
    private static final String TEMPLATE = "{{title}}|{{#languages}}[{{lang}} {{labels.what}} {{missing.what}}"
        + "{{#reasons}}<{{headline}} {{labels.what}} {{lang}} {{note}} {{#has_links}}{{labels.links}}{{/has_links}}"
        + "{{#what}}({{.}} {{labels.steps}}){{/what}}{{#code}}{{code}}{{/code}}>{{/reasons}}]{{/languages}}"
        + "|{{labels.what}}|{{labels.none}}|{{note}}|{{count}}";

    @Test
    void findsWhatMustachesOwnMapHandlerFinds() {
        Map<String, Object> reason = new HashMap<>();
        reason.put("headline", "Barua haikufika");
        reason.put("note", null); // set to nothing here: the outer "note" must not show through
        reason.put("has_links", true);
        reason.put("what", List.of("a", "b"));
        reason.put("code", "550");
        reason.put("labels", null); // a null first name: the outer labels are used
        Map<String, Object> other = Map.of("headline", "Imechelewa", "has_links", false, "what", List.of());
        Map<String, Object> language = new HashMap<>();
        language.put("lang", "sw");
        language.put("labels", Map.of("what", "Nini kilitokea", "steps", "Hatua", "links", "Viungo"));
        language.put("reasons", List.of(reason, other));
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Kichwa");
        model.put("languages", List.of(language, Map.of("lang", "en", "reasons", List.of())));
        model.put("labels", Map.of("what", "What happened"));
        model.put("note", "outer note");
        model.put("count", 3);

        String ours = render(PlainTextMustacheFactory.useMapModels(new DefaultMustacheFactory()), model);

        DefaultMustacheFactory mustaches = new DefaultMustacheFactory();
        mustaches.setObjectHandler(new SimpleObjectHandler());
        assertThat(ours).isEqualTo(render(mustaches, model))
            .isEqualTo("Kichwa|[sw Nini kilitokea <Barua haikufika Nini kilitokea sw  Viungo(a Hatua)(b Hatua)550>"
                + "<Imechelewa Nini kilitokea sw outer note >][en What happened ]|What happened||outer note|3");
    }

    private static String render(DefaultMustacheFactory factory, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        factory.compile(new StringReader(TEMPLATE), "test").execute(out, model);
        return out.toString();
    }
}
