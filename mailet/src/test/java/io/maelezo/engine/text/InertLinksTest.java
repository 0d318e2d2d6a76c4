package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.text.WordUtils;
import org.junit.jupiter.api.Test;

import io.maelezo.RandomTexts;

/** Remote web addresses are broken exactly where this regular expression (the specification) says. */
class InertLinksTest {
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)(https?:|ftp:|www)(//|\\.)");

    @Test
    void breaksEveryKindOfAddressStart() {
        assertThat(InertLinks.split("see https://www.spamhaus.org/query and HTTP://X and ftp://y"))
            .isEqualTo("see https:<span></span>//www<span></span>.spamhaus.org/query and HTTP:<span></span>//X and ftp:<span></span>//y");
        assertThat(InertLinks.split("no address here")).isEqualTo("no address here");
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomTexts() {
        List<String> parts = List.of("h", "t", "p", "s", ":", "/", ".", "w", "W", "f", "F", "HTTP", "https:", "www", "ftp:", "//", " ", "x");
        for (String sample : RandomTexts.of(parts, 12, 200_000, 2911)) {
            assertThat(InertLinks.split(sample)).as("[%s]", sample)
                .isEqualTo(WEB_ADDRESS.matcher(sample).replaceAll("$1<span></span>$2"));
        }
    }

    @Test
    void aLineThatFitsIsLeftAsWordUtilsWouldLeaveIt() {
        for (String line : List.of("Barua haikufika.", "x".repeat(76), "a\nb", "two  spaces inside", "ends with space ")) {
            assertThat(BounceRenderer.wrap(line)).isEqualTo(WordUtils.wrap(line, 76, "\n", false));
        }
        String longer = "Seva ya mpokeaji imekataa barua yako kwa sababu anwani ya seva yako imeorodheshwa kwenye orodha ya kuzuia.";
        assertThat(BounceRenderer.wrap(longer)).isEqualTo(WordUtils.wrap(longer, 76, "\n", false)).contains("\n");
    }
}
