package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.maelezo.engine.Category;
import io.maelezo.engine.knowledge.TextVariants;

class TextsTest {
    @Test
    void everyCategoryIsExplainedInBothLanguages() {
        Texts texts = Texts.shipped();
        for (Language language : Language.values()) {
            for (Category category : Category.values()) {
                String group = "category." + category.id();
                assertThat(texts.render(language, group + ".headline", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.render(language, group + ".what", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.render(language, group + ".side", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.renderNumbered(language, group + ".step", Map.of())).as(language + " " + group).isNotEmpty();
            }
        }
    }

    @Test
    void everyVariantOfTextVariantsTsvIsExplainedInBothLanguagesFailedAndDelayed() {
        Texts texts = Texts.shipped();
        for (Language language : Language.values()) {
            for (String variant : TextVariants.load().groups()) {
                String group = "category." + variant;
                assertThat(texts.render(language, group + ".headline", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.render(language, group + ".what", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.render(language, group + ".side", Map.of())).as(language + " " + group).isPresent();
                assertThat(texts.renderNumbered(language, group + ".step", Map.of())).as(language + " " + group).isNotEmpty();
                assertThat(texts.render(language, "cause." + variant, Map.of())).as(language + " cause." + variant).isPresent();
            }
        }
    }

    @Test
    void everyGroupOverrideNamesAGroupThatExists() throws Exception {
        java.util.Set<String> groups = new java.util.HashSet<>(TextVariants.load().groups());
        for (Category category : Category.values()) {
            groups.add(category.id());
        }
        groups.addAll(java.util.List.of("unknown-other-recipient", "blocklisted-misconfigured", "server-name-listed", "authentication-login",
            "greylisted-maybe", "spam-domain-listed"));
        for (Language language : Language.values()) {
            String file = new String(Texts.class.getResourceAsStream("/io/maelezo/texts/" + Texts.fileName(language)).readAllBytes(),
                StandardCharsets.UTF_8);
            file.lines().map(line -> line.split("=", 2)[0])
                .filter(key -> key.startsWith("delayed.what.") || key.startsWith("delayed.act.") || key.startsWith("temporary.true.")
                    || key.startsWith("temporary.false.") || key.startsWith("cause.") || key.startsWith("blocklist.note."))
                .forEach(key -> assertThat(groups).as(language + " " + key + ": a group of that name (a misspelt one falls back silently)")
                    .contains(key.replaceFirst("^(delayed\\.what|delayed\\.act|temporary\\.true|temporary\\.false|cause|blocklist\\.note)\\.", "")));
        }
    }

    @Test
    void noSeedArtefactReachesAUser() throws Exception {
        for (Language language : Language.values()) {
            String file = new String(Texts.class.getResourceAsStream("/io/maelezo/texts/" + Texts.fileName(language)).readAllBytes(),
                StandardCharsets.UTF_8);
            // The seed's machine-translation artefacts (glossary-sw.md), spelled in pieces so that
            // this test is not itself a hit for a search of them.
            assertThat(file).doesNotContain("Lawama kwa " + "hali ya hewa", "Ano" + "nim", "Ilipend" + "ekeza",
                "msimamizi" + "Ukishindwa", "Ima" + "ge");
        }
    }

    @Test
    void anAdminOverridesOneEntryAndKeepsTheRest(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("maelezo_sw.properties"),
            "category.spam.headline=Barua yako imezuiwa na kichujio.\n", StandardCharsets.UTF_8);

        Texts texts = Texts.withOverrides(directory);

        assertThat(texts.require(Language.SW, "category.spam.headline", Map.of())).isEqualTo("Barua yako imezuiwa na kichujio.");
        assertThat(texts.require(Language.SW, "category.spam.what", Map.of())).startsWith("Kichujio cha barua taka");
    }

    @Test
    void aBrokenOverrideEntryFallsBackToTheShippedText(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("maelezo_sw.properties"),
            "category.spam.headline=Barua {{#operator}} haijafungwa\n", StandardCharsets.UTF_8);

        Texts texts = Texts.withOverrides(directory);

        assertThat(texts.require(Language.SW, "category.spam.headline", Map.of()))
            .isEqualTo(Texts.shipped().require(Language.SW, "category.spam.headline", Map.of()));
    }

    @Test
    void aTextsDirectoryThatCannotBeReadIsAClearConfigurationError(@TempDir Path directory) {
        assertThatThrownBy(() -> Texts.withOverrides(directory.resolve("missing")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("missing").hasMessageContaining("not a readable directory");
    }

    @Test
    void everyShippedEntryRendersInEveryLanguage() {
        Texts texts = Texts.shipped();
        // every value an entry may name is there (an entry's {{#value}} sections all show)
        Map<String, Object> values = new java.util.HashMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return true;
            }

            @Override
            public Object get(Object key) {
                return "value-of-" + key;
            }
        };
        for (Language language : Language.values()) {
            assertThat(texts.keys(language)).hasSizeGreaterThan(50);
            for (String key : texts.keys(language)) {
                // render is empty when an entry's template cannot be rendered: every shipped one must be
                assertThat(texts.render(language, key, values)).as(language + " " + key).hasValueSatisfying(text -> assertThat(text).isNotBlank());
            }
        }
    }
}
