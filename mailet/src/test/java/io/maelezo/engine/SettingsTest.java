package io.maelezo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.text.Language;

class SettingsTest {
    @Test
    void defaultsAreSwahiliFirstThenEnglish() {
        Settings settings = Settings.parse(name -> null);

        assertThat(settings.language()).isEqualTo(Language.SW);
        assertThat(settings.bilingual()).isTrue();
        assertThat(settings.repairStatus()).isTrue();
        assertThat(settings.supportContact()).isEmpty();
        assertThat(settings.timeZone()).isEqualTo(java.time.ZoneId.systemDefault());
    }

    @Test
    void theTimeZoneIsAnyZoneIdJavaKnows() {
        assertThat(Settings.parse(Map.of("timeZone", " Africa/Nairobi ")::get).timeZone()).hasToString("Africa/Nairobi");
        assertThat(Settings.parse(Map.of("timeZone", "UTC+03:00")::get).timeZone().getRules().getOffset(java.time.Instant.EPOCH))
            .hasToString("+03:00");
    }

    @Test
    void aWrongValueNamesTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> Settings.parse(Map.of("language", "fr")::get))
            .hasMessageContaining("'language'").hasMessageContaining("fr").hasMessageContaining("sw, en");
        assertThatThrownBy(() -> Settings.parse(Map.of("bilingual", "yes")::get))
            .hasMessageContaining("'bilingual'").hasMessageContaining("true, false");
        assertThatThrownBy(() -> Settings.parse(Map.of("repairStatus", "maybe")::get))
            .hasMessageContaining("'repairStatus'");
        assertThatThrownBy(() -> Settings.parse(Map.of("supportContact", "a\r\nBcc: x@evil.example")::get))
            .hasMessageContaining("'supportContact'");
        assertThatThrownBy(() -> Settings.parse(Map.of("timeZone", "EAT")::get))
            .hasMessageContaining("'timeZone'").hasMessageContaining("Africa/Dar_es_Salaam");
    }
}
