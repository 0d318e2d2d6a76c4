package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Action;

/**
 * Items of the Swahili review (../shared/reviews/swahili-review-1.md), each with an input and the
 * phrases the reader's text must and must not contain. The reader's text is the headline, "what
 * happened" and the steps, in Swahili (the items name English ones where the English had the
 * same defect). The delay notice is tested on whole bounces in BounceDecoratorTest and on a real
 * James (InProcessJamesBounceTest).
 */
class ReviewOneItemsTest {
    private static final Engine ENGINE = Engine.create(Settings.defaults());

    private static String readerText(Language language, String reply, Action action) {
        Explanation explanation = ENGINE.explain(language, ENGINE.classify(reply), List.of("rcpt@remote.example"), action);
        return String.join(" ", explanation.headline(), String.join(" ", explanation.whatHappened()), String.join(" ", explanation.steps()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // item | language | action | reply | must contain | must not contain
        "2.1-1 delay notice | sw | delayed | 451 4.4.1 Connection timed out | bado haijafika | haikufika",
        "2.1-1 delay notice, no resend | sw | delayed | 451 4.4.1 Connection timed out | Usiitume barua yako tena | Tuma barua tena",
        "2.1-1 delay notice (EN) | en | delayed | 451 4.4.1 Connection timed out | has not arrived yet | Try sending",
        "2.1-1 delayed greylisting | sw | delayed | 450 4.2.0 Greylisted, please try again later | greylisting | Tuma barua tena",
        "2.1-2 final is the delivery, not the cause | sw | failed | 552 5.2.2 Mailbox full | Hakuna seva itakayojaribu tena | si la muda",
        "2.1-2 final (EN) | en | failed | 552 5.2.2 Mailbox full | No server will try to deliver your email again | not temporary",
        "2.1-4 only what the reply proves | sw | failed | 450 4.1.1 User unknown | haiitambui anwani hii | anwani ya mpokeaji haipo",
        "2.1-5 a failed greylisting did not arrive | sw | failed | 550 5.7.1 Greylisted too long | haikufika | imecheleweshwa na seva",
        "2.1-7 no 'several times' James cannot vouch for | sw | failed | Too many retries failure. Bouncing after 1 retries. | imeacha kujaribu | mara kadhaa",
        "2.2-1 the notice is taarifa hii | sw | failed | 550 5.7.1 TLS handshake failed | taarifa hii yote | barua hii yote",
        "2.2-4 DMARC: an address of another domain | sw | failed | 550 5.7.26 Unauthenticated email from gmail.com is not accepted due to domain's DMARC policy | @gmail.com | programu yako ya barua pepe",
        "2.4-4 one name for the sending server | sw | failed | java.net.ConnectException: Connection refused | seva ya mtoa huduma wako | seva yetu",
        "2.4-6 the domain, glossed, not its name | sw | failed | 550 5.1.2 Host or domain name not found | sehemu iliyo baada ya @ | jina la kikoa la mpokeaji halipokei",
        "2.2-2 relay: not the reader's program | sw | failed | 554 5.7.1 Relay access denied | si kosa lako | programu yako ya barua pepe",
        "2.2-2 relay (EN) | en | failed | 554 5.7.1 Relay access denied | not your fault | your email program",
        "2.2-3 a refused login is not SPF | sw | failed | 535 5.7.8 Authentication credentials invalid | jina la mtumiaji na nenosiri | SPF",
        "2.2-3 a refused login (EN) | en | failed | 535 5.7.8 Authentication credentials invalid | user name and password | DMARC",
        "2.2-6 policy: the provider, not 'msimamizi wake' | sw | failed | 550 5.7.1 Rejected by policy | mtoa huduma wako | wasiliana na msimamizi wake",
        "2.4-1 no code meanings for the reader | sw | failed | 542 Rejected | maelezo ya kiufundi | Tarakimu hii",
        "2.4-3 a 2xx code is not given as the reason | sw | failed | 250 OK | maelezo ya kiufundi | kimekamilika vizuri",
        "2.4-12 no 'Ukishindwa' | sw | failed | 550 5.7.1 Message rejected as spam | Hilo lisipofaulu | Ukishindwa",
        "2.9 no seed calque 'mwenzake wa upande' | sw | failed | 550 5.7.1 Message rejected as spam | mtoa huduma wa mpokeaji | mwenzake",
        "mailbox-moved: confirm before using an address from the reply | sw | failed | 551 User has moved to <new@evil.example> | usiitumie kabla mpokeaji hajaithibitisha | kama yanataja anwani mpya, itumie",
        "misconfigured list: no removal note | sw | failed | 554 5.7.1 blocked using zen.spamhaus.org; open resolver | kimakosa | kuomba iondolewe",
        "misconfigured list: the reader has no server | sw | failed | 554 5.7.1 blocked using zen.spamhaus.org; open resolver | seva ya mtoa huduma wako | seva yako",
    })
    void theReadersTextSaysWhatTheReviewAskedAndNotWhatItFound(String item, String language, String action, String reply,
                                                              String mustContain, String mustNotContain) {
        String text = readerText(Language.fromTag(language).orElseThrow(),
            reply, action.equals("delayed") ? Action.DELAYED : Action.FAILED);

        assertThat(text).as(item).contains(mustContain).doesNotContain(mustNotContain);
    }
}
