package io.maelezo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * A real James 3.8.1 (its own process, maelezo's jar in extensions-jars/) whose shipped
 * configuration has one of maelezo's parameters misspelt does not start, and its log says which
 * parameter: as with James's own mailets, nothing an admin writes is silently ignored.
 */
class MisspeltParameterOnRealJamesTest {
    @Test
    void aMisspeltParameterStopsJamesAtStartUpAndIsNamed() throws Exception {
        Path workingDirectory = Files.createTempDirectory(Path.of("target"), "misspelt-james-");

        Throwable failure = catchThrowable(() -> DeployedJames.start(workingDirectory, JamesEnvironment.freePort(), true, config -> {
            String misspelt = config.replaceFirst("<language>sw</language>", "<langauge>en</langauge>");
            assertThat(misspelt).isNotEqualTo(config);
            return misspelt;
        }).close());

        assertThat(failure).as("James does not start").isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("James stopped while starting")
            .hasMessageContaining("Unexpected init parameters found: [langauge]");
    }
}
