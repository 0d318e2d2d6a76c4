package io.maelezo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.data.KeywordIndex;
import io.maelezo.engine.data.TsvTable;

/** The index only saves work: every pattern that matches a text is among its candidates. */
class KeywordIndexTest {
    private static List<String> replies() throws Exception {
        List<String> replies = new ArrayList<>();
        new String(KeywordIndexTest.class.getResourceAsStream("/io/maelezo/real-world-replies.tsv").readAllBytes(), StandardCharsets.UTF_8)
            .lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> replies.add(line.split("\t")[0]));
        replies.add("Too many retries failure. Bouncing after 1 retries.");
        replies.add("[TSS04] Messages from 192.0.2.1 temporarily deferred");
        replies.add("連絡しようとしたグループに投稿する権限がありません");
        return replies;
    }

    @Test
    void everyMatchingPatternIsACandidate() throws Exception {
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv")) {
            List<String> sources = new ArrayList<>();
            TsvTable.load(file).rows().forEach(row -> sources.add(row.get("pattern")));
            KeywordIndex index = new KeywordIndex(sources);
            for (String reply : replies()) {
                BitSet candidates = index.candidates(reply);
                for (int i = 0; i < sources.size(); i++) {
                    if (Pattern.compile(sources.get(i), Pattern.CASE_INSENSITIVE).matcher(reply).find()) {
                        assertThat(candidates.get(i)).as(file + " row " + i + " on: " + reply).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void matchingOnlyAtWordStartsFindsExactlyWhatAFullSearchFinds() throws Exception {
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv")) {
            List<String> sources = new ArrayList<>();
            TsvTable.load(file).rows().forEach(row -> sources.add(row.get("pattern")));
            KeywordIndex index = new KeywordIndex(sources);
            for (String reply : replies()) {
                io.maelezo.engine.data.Words words = io.maelezo.engine.data.Words.of(reply);
                for (int i = 0; i < sources.size(); i++) {
                    boolean found = Pattern.compile(sources.get(i), Pattern.CASE_INSENSITIVE).matcher(reply).find();
                    assertThat(index.matchStart(i, words) >= 0).as(file + " row " + i + " on: " + reply).isEqualTo(found);
                }
            }
        }
    }

    @Test
    void aTextWithNoneOfTheWordsHasFewCandidates() {
        KeywordIndex index = new KeywordIndex(List.of("\\b(mailbox full|over ?quota)\\b", "\\b(relay(ing)? denied)\\b", "\\[TSS0[1-4]\\]"));

        assertThat(index.candidates("everything went fine").cardinality()).isZero();
        assertThat(index.candidates("452 4.2.2 Mailbox full").get(0)).isTrue();
        assertThat(index.candidates("421 [TSS04] deferred").get(2)).isTrue();
    }
}
