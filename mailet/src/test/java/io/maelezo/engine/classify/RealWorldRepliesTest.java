package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rejections real servers send (src/test/resources/io/maelezo/real-world-replies.tsv, sources inside). */
class RealWorldRepliesTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    static Stream<Arguments> replies() throws Exception {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            RealWorldRepliesTest.class.getResourceAsStream("/io/maelezo/real-world-replies.tsv"), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> {
                String[] cells = line.split("\t", -1);
                rows.add(Arguments.of(cells[0], cells[1], cells[2], cells[3]));
            });
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "[{index}] {3}: {1}")
    @MethodSource("replies")
    void categoryAndOperatorAreThoseAPersonWouldGive(String reply, String category, String blocklist, String source) {
        Classification classification = CLASSIFIER.classify(reply);

        assertThat(classification.category().id()).as(reply).isEqualTo(category);
        assertThat(classification.blocklist().map(operator -> operator.id()).orElse("")).as(reply).isEqualTo(blocklist);
    }
}
