package io.maelezo.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.knowledge.TsvTable;

/** The index only saves work: it finds exactly what running every pattern over the whole text finds. */
class KeywordIndexTest {
    private static List<String> replies() throws Exception {
        List<String> replies = new ArrayList<>();
        new String(KeywordIndexTest.class.getResourceAsStream("/io/maelezo/real-world-replies.tsv").readAllBytes(), StandardCharsets.UTF_8)
            .lines().filter(line -> !line.startsWith("#")).skip(1).forEach(line -> replies.add(line.split("\t")[0]));
        replies.add("Too many retries failure. Bouncing after 1 retries.");
        replies.add("[TSS04] Messages from 192.0.2.1 temporarily deferred");
        replies.add("550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. (S3150) [AS(201806281)]");
        replies.add("連絡しようとしたグループに投稿する権限がありません");
        replies.add("552 MAILBOX FULL; OVERQUOTA for USER");
        replies.add("451 4.3.0 can\u2019t create output file");
        replies.add("451 4.7.1 Service unavailable \u2013 try again later");
        replies.add("550 \u041f\u043e\u043b\u044c\u0437\u043e\u0432\u0430\u0442\u0435\u043b\u044c \u043d\u0435 \u043d\u0430\u0439\u0434\u0435\u043d");
        replies.add("550 Benutzer unbekannt, Postfach ist voll");
        replies.add("");
        return replies;
    }

    /** What ReplyText folds besides case: typographic apostrophes and dashes. */
    private static String folded(String reply) {
        return reply.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("[\u2010-\u2015\u2212]", "-");
    }

    private static List<String> patterns(String file) {
        List<String> patterns = new ArrayList<>();
        TsvTable.load(file).rows().forEach(row -> patterns.add(row.get("pattern")));
        return patterns;
    }

    /**
     * The index compiles a pattern's pieces only when a reply needs them (James starts faster):
     * a broken pattern in the knowledge files is caught here, not at start-up.
     */
    @Test
    void everyShippedPatternIsAValidRegularExpression() {
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv", "text-variants.tsv")) {
            for (String pattern : patterns(file)) {
                assertThatCode(() -> Pattern.compile(pattern)).as(file + ": " + pattern).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void findsExactlyTheShippedPatternsThatAFullSearchFinds() throws Exception {
        for (String file : List.of("reason-patterns.tsv", "vendor-codes.tsv", "text-variants.tsv")) {
            List<String> patterns = patterns(file);
            KeywordIndex index = new KeywordIndex(patterns);
            for (String reply : replies()) {
                BitSet expected = new BitSet();
                int earliest = -1;
                int earliestAt = Integer.MAX_VALUE;
                for (int i = 0; i < patterns.size(); i++) {
                    // Each alternative searched whole, compiled as the index compiles it (Unicode
                    // classes for one with a letter beyond ASCII, no boundary beside a CJK character).
                    for (String cut : PatternPieces.alternatives(patterns.get(i))) {
                        String alternative = PatternPieces.withoutBoundariesBesideCjk(cut);
                        int flags = Pattern.CASE_INSENSITIVE | (PatternPieces.hasNonAscii(alternative) ? Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS : 0);
                        Matcher matcher = Pattern.compile(alternative, flags).matcher(folded(reply));
                        if (matcher.find()) {
                            expected.set(i);
                            if (matcher.start() < earliestAt) {
                                earliestAt = matcher.start();
                                earliest = i;
                            }
                        }
                    }
                }
                ReplyText words = ReplyText.of(reply);
                assertThat(index.matching(words)).as(file + " on: " + reply).isEqualTo(expected);
                assertThat(index.firstMatching(words)).as(file + " on: " + reply).isEqualTo(expected.nextSetBit(0));
                KeywordIndex.Hit hit = index.earliest(words);
                assertThat(hit == null ? -1 : hit.pattern()).as(file + " on: " + reply).isEqualTo(earliest);
                if (hit != null) {
                    assertThat(hit.start()).isEqualTo(earliestAt);
                }
            }
        }
    }

    @Test
    void patternsThatStartWithASignOrAnUnreadablePartAreStillFound() {
        KeywordIndex index = new KeywordIndex(List.of(
            "\\[TSS0[1-4]\\]",
            "(mail)?box full",
            "[a-z]+ quota",
            "\\b(mailbox full|over ?quota)\\b"));

        assertThat(index.matching(ReplyText.of("421 [TSS04] deferred"))).isEqualTo(BitSet.valueOf(new long[] {0b0001}));
        assertThat(index.matching(ReplyText.of("452 4.2.2 Mailbox full"))).isEqualTo(BitSet.valueOf(new long[] {0b1010}));
        assertThat(index.matching(ReplyText.of("552 user over quota"))).isEqualTo(BitSet.valueOf(new long[] {0b1100}));
        assertThat(index.matching(ReplyText.of("everything went fine")).isEmpty()).isTrue();
    }

    @Test
    void aWordInsideAnotherWordIsNotAMatch() {
        KeywordIndex index = new KeywordIndex(List.of("\\b(spam|junk)\\b"));

        assertThat(index.firstMatching(ReplyText.of("antispam gateway said no"))).isEqualTo(-1);
        assertThat(index.firstMatching(ReplyText.of("no_spam and spam_filter and spam2 are other words"))).isEqualTo(-1);
        assertThat(index.firstMatching(ReplyText.of("junk"))).isZero();
        assertThat(index.firstMatching(ReplyText.of("looks like Spam."))).isZero();
    }

    @Test
    void aChineseJapaneseOrKoreanWordIsFoundInsideASentenceWrittenWithoutSpaces() {
        KeywordIndex index = new KeywordIndex(List.of("\\b(垃圾邮件|수신차단|spam)\\b"));

        assertThat(index.firstMatching(ReplyText.of("550 您的邮件被识别为垃圾邮件，已退回"))).isZero();
        assertThat(index.firstMatching(ReplyText.of("550 스팸으로 수신차단되었습니다"))).isZero();
        // The boundary beside a Latin letter stays.
        assertThat(index.firstMatching(ReplyText.of("550 antispam网关"))).isEqualTo(-1);
    }

    @Test
    void wordsOutsideAsciiAreFoundAmongManyPatterns() {
        // More than a handful of literals: those outside ASCII are filed by their first letter outside ASCII.
        KeywordIndex index = new KeywordIndex(List.of(
            "\\b(mailbox full|over ?quota)\\b", "\\b(user unknown|no such user)\\b", "\\b(relay access denied)\\b",
            "\\b(垃圾邮件|迷惑メール)\\b", "\\b(użytkownik nie istnieje|пользователь не найден)\\b", "\\b(spam|junk)\\b"));

        assertThat(index.firstMatching(ReplyText.of("550 您的邮件被识别为垃圾邮件，已退回"))).isEqualTo(3);
        assertThat(index.firstMatching(ReplyText.of("550 この迷惑メールは拒否されました"))).isEqualTo(3);
        assertThat(index.firstMatching(ReplyText.of("550 Użytkownik nie istnieje"))).isEqualTo(4);
        assertThat(index.firstMatching(ReplyText.of("550 Пользователь не найден"))).isEqualTo(4);
        assertThat(index.firstMatching(ReplyText.of("550 5.1.1 user unknown, пользователь"))).isEqualTo(1);
        assertThat(index.firstMatching(ReplyText.of("550 ошибка"))).isEqualTo(-1);
    }

    @Test
    void aTypographicApostropheIsReadAsAPlainOne() {
        KeywordIndex index = new KeywordIndex(List.of("\\b(can'?t create (user )?output file)\\b"));

        assertThat(index.firstMatching(ReplyText.of("mail.example.info [192.0.2.7] can\u2019t create user output file"))).isZero();
        assertThat(index.firstMatching(ReplyText.of("Can't create output file"))).isZero();
    }

    @Test
    void addressesCanBeLeftUnread() {
        KeywordIndex index = new KeywordIndex(List.of("\\bspam\\b"));
        ReplyText words = ReplyText.of("550 <spam@example.com>: Recipient address rejected");

        assertThat(index.firstMatching(words)).isZero();
        assertThat(index.firstMatching(words.withoutAddresses())).isEqualTo(-1);
        assertThat(words.withoutAddresses().text()).isEqualTo(words.text());
    }
}
