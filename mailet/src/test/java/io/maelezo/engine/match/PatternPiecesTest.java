package io.maelezo.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import io.maelezo.engine.knowledge.TsvTable;

/** How a pattern is cut into alternatives and what each is known to start with. */
class PatternPiecesTest {
    private static List<String> literals(String regex) {
        return new RegexReader(regex).literals();
    }

    @Test
    void aWrappedAlternationIsCutIntoItsAlternatives() {
        assertThat(PatternPieces.alternatives("\\b(mailbox full|over ?quota)\\b"))
            .containsExactly("\\b(?:mailbox full)\\b", "\\b(?:over ?quota)\\b");
        assertThat(PatternPieces.alternatives("\\b5\\.7\\.64\\b|TenantAttribution"))
            .containsExactly("\\b5\\.7\\.64\\b", "TenantAttribution");
        assertThat(PatternPieces.alternatives("(?<![\\w-])(?:zen\\.spamhaus\\.org|spamhaus)(?![\\w-])"))
            .containsExactly("(?<![\\w-])(?:zen\\.spamhaus\\.org)(?![\\w-])", "(?<![\\w-])(?:spamhaus)(?![\\w-])");
    }

    @Test
    void whatCannotBeCutSafelyStaysWhole() {
        assertThat(PatternPieces.alternatives("\\b(spam|junk)?mail\\b")).containsExactly("\\b(spam|junk)?mail\\b");
        assertThat(PatternPieces.alternatives("(a|b)\\1")).containsExactly("(a|b)\\1");
        assertThat(PatternPieces.alternatives("\\b(only one)\\b")).containsExactly("\\b(only one)\\b");
    }

    @Test
    void literalStartsStopWhereTheTextMayVary() {
        assertThat(literals("\\b(?:mailbox (is )?full)\\b")).containsExactly("mailbox ");
        // An ASCII character that may be absent, or a class of a few ASCII letters, is read through:
        // each spelling is a literal of its own (a literal of a letter or two is in nearly every reply).
        assertThat(literals("\\b(?:over ?quota)\\b")).containsExactly("overquota", "over quota");
        assertThat(literals("\\be-?mail address\\b")).containsExactly("email address", "e-mail address");
        assertThat(literals("\\bmailbox(es)? full\\b")).containsExactly("mailbox");
        assertThat(literals("\\bunrecogni[sz]ed command\\b")).containsExactly("unrecognised command", "unrecognized command");
        assertThat(literals("\\bd[ée]j[aà]\\b")).containsExactly("d");
        assertThat(literals("\\bab?c?d?e\\b")).as("at most four spellings: reading stops before the one that would make more")
            .containsExactly("a", "ac", "ab", "abc");
        assertThat(literals("\\b(?:(black|block)listed)\\b")).containsExactly("black", "block");
        assertThat(literals("\\[TSS0[1-4]\\]")).containsExactly("[TSS0");
        assertThat(literals("\\b5\\.2\\.2\\b.{0,20}Submission")).containsExactly("5.2.2");
        assertThat(literals("(?<!not )listed (in|on)")).containsExactly("listed ");
        assertThat(literals("\\(A?S3(?:114|115)\\)")).containsExactly("(S3", "(AS3");
        assertThat(literals("[a-z]+ quota")).isNull();
        assertThat(literals("(mail)?box")).isNull();
    }

    /**
     * reason-patterns.tsv's rule: "start each alternative with a word". One that does not is run
     * over every reply (the bulk benchmark pays for each), so the files hold none.
     */
    @Test
    void everyShippedAlternativeStartsWithWordsTheIndexCanLookUp() {
        List<String> unreadable = new java.util.ArrayList<>();
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv", "text-variants.tsv")) {
            TsvTable.load(file).rows().forEach(row -> {
                for (String piece : PatternPieces.alternatives(row.get("pattern"))) {
                    if (literals(piece) == null) {
                        unreadable.add(file + ": " + piece);
                    }
                }
            });
        }
        assertThat(unreadable).isEmpty();
    }

    /**
     * An alternative (or a branch of its last group) that ends in an escaped sign, as "rejected
     * (127.0.0.2)" written with "\\)", and
     * is then held to the row's closing word boundary needs a letter or digit right after the
     * sign, so it cannot match at the end of a reply or before a space: it ends in a look-ahead
     * instead.
     */
    @Test
    void noShippedAlternativeEndsInASignHeldToAWordBoundary() {
        // The sign may also end one branch of the alternative's last group: "sender id (\\(pra\\)|check)".
        // A closing sign only ("\\[" before a number is fine), and not one a look-ahead waits for.
        Pattern signThenBoundary = Pattern.compile("(?<!\\(\\?[=!])\\\\[)\\].!?:;,'\"](\\|[^()|]*)*\\)+\\\\b$");
        List<String> unmatchable = new java.util.ArrayList<>();
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv", "text-variants.tsv")) {
            TsvTable.load(file).rows().forEach(row -> {
                for (String piece : PatternPieces.alternatives(row.get("pattern"))) {
                    if (signThenBoundary.matcher(piece).find()) {
                        unmatchable.add(file + ": " + piece);
                    }
                }
            });
        }
        assertThat(unmatchable).isEmpty();
    }

    @Test
    void everyShippedPatternIsCutIntoPiecesThatCompile() {
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv")) {
            TsvTable.load(file).rows().forEach(row -> {
                List<String> pieces = PatternPieces.alternatives(row.get("pattern"));
                assertThat(pieces).isNotEmpty();
                pieces.forEach(Pattern::compile);
            });
        }
    }
}
