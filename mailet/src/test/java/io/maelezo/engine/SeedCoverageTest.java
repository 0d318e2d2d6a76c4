package io.maelezo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.knowledge.ReplyCodeTable;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.Language;

/**
 * Every item of the seed document (../shared/seed/): the meaning of each digit, every reply code
 * from 211 to 556, and the 550 variants with their advice, checked in Swahili. Where the seed's
 * machine translation contradicts RFC 5321 / RFC 7504 (455, 554, 555, 556), the RFC's meaning is
 * what is checked.
 */
class SeedCoverageTest {
    private static final Engine ENGINE = Engine.create(Settings.defaults());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "211 | hali ya mfumo",
        "214 | msaada kwa msomaji binadamu",
        "220 | huduma ya SMTP iko tayari",
        "221 | inafunga muunganisho",
        "250 | kimekamilika vizuri",
        "251 | itapeleka barua mbele",
        "252 | haiwezi kuthibitisha mpokeaji",
        "354 | tayari kupokea maudhui",
        "421 | huduma haipatikani kwa sasa, na seva inafunga muunganisho",
        "450 | sanduku la barua halipatikani kwa sasa",
        "451 | hitilafu ya ndani ya seva; ni hali ya muda",
        "452 | haina hifadhi ya kutosha ya mfumo",
        "455 | haiwezi kukubali vigezo vya amri",
        "500 | haikutambua amri",
        "501 | hitilafu ya sintaksia katika vigezo",
        "502 | amri hii haipatikani",
        "503 | mpangilio usio sahihi",
        "504 | kigezo hiki cha amri hakipatikani",
        "521 | haipokei barua pepe kabisa",
        "541 | kichujio cha barua taka",
        "550 | sanduku la barua halipatikani",
        "551 | mpokeaji si wa seva hii",
        "552 | kiwango cha hifadhi kimepitwa",
        "553 | jina la sanduku la barua (anwani) haliruhusiwi",
        "554 | kutuma barua hakukufaulu",
        "555 | haitambui vigezo",
        "556 | kikoa cha mpokeaji hakipokei barua pepe",
    })
    void everySeedReplyCodeHasItsMeaningInSwahili(String code, String meaning) {
        assertThat(ENGINE.codeMeaning(Language.SW, code)).contains(meaning);
        assertThat(ReplyCodeTable.load().codes()).contains(code);
        assertThat(ENGINE.codeMeaning(Language.EN, code)).isNotBlank();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', value = {
        "first | 1 | inasubiri uthibitisho",
        "first | 2 | imekamilisha kazi",
        "first | 3 | inahitaji maelezo zaidi",
        "first | 4 | hitilafu ya muda",
        "first | 5 | hitilafu ya kudumu",
        "second | 0 | sintaksia",
        "second | 1 | jibu la taarifa",
        "second | 2 | muunganisho",
        "second | 3 | haijabainishwa",
        "second | 4 | haijabainishwa",
        "second | 5 | mfumo wa barua pepe",
    })
    void everyDigitHasItsMeaningInSwahili(String position, String digit, String meaning) {
        assertThat(ENGINE.texts().require(Language.SW, "digit." + position + "." + digit, Map.of())).contains(meaning);
    }

    @Test
    void aCodeNotInTheSeedIsExplainedByItsDigits() {
        assertThat(ENGINE.codeMeaning(Language.SW, "422")).contains("hitilafu ya muda").contains("muunganisho");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "550 5.7.1 Service unavailable; client [192.0.2.9] blocked using bl.spamcop.net | blocklisted | orodha ya kuzuia",
        "550 5.7.1 Message rejected as spam by Content Filtering. | spam | kichujio cha barua taka",
        "550 This message was classified as SPAM and may not be delivered | spam | kichujio cha barua taka",
        "550 High probability of spam | spam | kichujio cha barua taka",
        "550 5.2.1 mail from spam site rejected | spam | kichujio cha barua taka",
        "550 Your message was rejected because it was identified as sending spam | spam | kichujio cha barua taka",
        "550 Message contains unsafe content | malware | virusi au programu hasidi",
    })
    void every550VariantOfTheSeedGetsTheSeedsAdviceInSwahili(String reply, String category, String headline) {
        Classification classification = ENGINE.classify(reply);
        Explanation explanation = ENGINE.explain(Language.SW, classification, List.of("x@example.com"));

        assertThat(classification.category().id()).isEqualTo(category);
        assertThat(explanation.headline()).startsWith("Barua pepe yako haikufika").contains(headline);
        // The seed's advice: the recipient by other means; the list or filter's administrator
        // (through the provider); failing that, the provider talks to its counterpart.
        assertThat(explanation.steps().get(0)).contains("Wasiliana na mpokeaji kwa njia nyingine");
        assertThat(String.join(" ", explanation.steps())).containsPattern("mtoa huduma wako");
    }

    @Test
    void theSpamAdviceNamesTheFilterAdministratorThenTheProvider() {
        Explanation explanation = ENGINE.explain(Language.SW, ENGINE.classify("550 High probability of spam"), List.of());

        assertThat(explanation.steps()).anySatisfy(step -> assertThat(step).contains("msimamizi wa kichujio cha barua taka"));
        assertThat(explanation.steps()).anySatisfy(step -> assertThat(step).contains("anaweza kuwasiliana na mtoa huduma wa mpokeaji"));
    }
}
