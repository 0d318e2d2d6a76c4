package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.engine.classify.Action;

/**
 * The S2 items of the eighth to eleventh independent reads (config/texts/README.md) that concern
 * the reader's text, one case each: an input, and the phrases the reader's text must and must not contain.
 * Their items on the technical section's code meanings are in BounceDecoratorTest.
 */
class LaterReadsItemsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // item | language | reply | must contain | must not contain
        "read 8 S2-3 a moved mailbox still tried: the new address may get it twice | sw | 451 4.1.6 User has moved to <new@remote.example> | mara mbili | haipokei barua tena",
        "read 8 S2-3 a moved mailbox still tried (EN) | en | 451 4.1.6 User has moved to <new@remote.example> | tell them they may get it twice | no longer receives mail",
        "read 8 S3 a wrong address: only what is sure | sw | 450 4.1.1 User unknown | haimfikii mpokeaji wako | haitafika kwenye anwani iliyokosewa",
        "read 9 S2-3 the recipient will not get it twice (not: you will not send it) | sw | 450 4.1.1 User unknown | hataipata mara mbili | hutaituma mara mbili",
        "read 9 S2-2 a moved mailbox still tried: no instruction to write again | sw | 451 4.1.6 User has moved to <new@remote.example> | Ukiamua kuituma pia | kisha mwandikie huko",
        "read 10 S2-1 a refusal by the recipient server: not yet accepted by it | sw | 451 4.7.1 Message suspected as spam, try again later | seva ya mpokeaji bado haijaipokea | bado haijaweza kuifikisha",
        "read 10 S2-1 (EN) | en | 451 4.7.1 Message suspected as spam, try again later | has not accepted it yet | has not yet reached the recipient",
        "read 11 a bare 450 still tried is perhaps greylisting | sw | 450 something went wrong | huenda ni njia ya kuchelewesha kwa muda (greylisting) | Tuma barua tena",
        "read 11 S2-3 malware still tried: the same content is retried | sw | 451 4.7.1 Message contains a virus | huenda ikakataliwa tena kwa sababu hiyohiyo | Tuma barua tena",
        "read 9 S2-2 (EN) | en | 451 4.1.6 User has moved to <new@remote.example> | If you decide to send it | then write to them there",
        "read 8 S3 a wrong address: only what is sure (EN) | en | 450 4.1.1 User unknown | does not reach your recipient | will not arrive at the wrong address",
    })
    void aDelayNoticeClaimsOnlyWhatIsSure(String item, String language, String reply, String mustContain, String mustNotContain) {
        String text = ReviewOneItemsTest.readerText(Language.fromTag(language).orElseThrow(), reply, Action.DELAYED);

        assertThat(text).as(item).contains(mustContain).doesNotContain(mustNotContain);
    }
}
