package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;

/**
 * Items of the Swahili review (../shared/reviews/swahili-review-1.md), each with an input and the
 * phrases the reader's text must and must not contain. The reader's text is the headline, "what
 * happened" and the steps, in Swahili (the items name English ones where the English had the
 * same defect). The delay notice is tested on whole bounces in BounceDecoratorTest and on a real
 * James (InProcessJamesBounceTest).
 */
class ReviewOneItemsTest {
    private static final Engine ENGINE = Engine.create(Settings.defaults());

    /** What the reader of one recipient's explanation reads: headline, what happened, the steps. */
    static String readerText(Language language, String reply, Action action) {
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
        "2.1-3 a failed 4xx: the server stopped trying | sw | failed | 451 4.3.0 Temporary local problem | imeacha kujaribu | ni la muda: ukijaribu",
        "2.1-6 a bare 450 is perhaps greylisting | sw | failed | 450 Requested mail action not taken | Huenda | ilitumia njia ya kuchelewesha",
        "read 11 S2-1 a syntax refusal is not surely the reader's typing | sw | failed | 553 5.1.3 Bad recipient address syntax | Kama anwani inaonekana sahihi | Tatizo liko kwenye jinsi anwani ilivyoandikwa",
        "read 11 S2-2 greylisting that outlasted the retries: not nobody's fault | sw | failed | 450 4.2.0 Greylisted, please try again later | Kama barua yako ikirudi tena | si kosa la mtu yeyote",
        "read 12 S2-1 an email gets through greylisting | sw | failed | 450 4.2.0 Greylisted, please try again later | barua hupita greylisting | greylisting hupita barua",
        "2.1-8 a full mailbox is not permanent | sw | failed | 552 5.2.2 Mailbox full | Hakuna seva itakayojaribu tena | si la muda",
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
        "2.2-5 'really' came from you | sw | failed | 550 5.7.26 Unauthenticated email is not accepted | kweli ilitoka kwako | kwamba barua ilitoka kwako",
        "2.2-7 policy may concern the sender's own address | sw | failed | 550 5.7.1 Sender address rejected: not permitted | anwani yako ya kutuma | seva yetu",
        "2.2-8 no 'seva yetu' | sw | failed | 550 5.1.1 User unknown | seva ya mtoa huduma wako | seva yetu",
        "2.2-12 a rate limit is not the reader's doing | sw | failed | 421 4.7.0 Too many connections | imepunguza kwa muda | barua nyingi mno zilitumwa",
        "2.3-1 misconfigured: 'kimakosa' | sw | failed | 554 5.7.1 blocked using zen.spamhaus.org; open resolver | iliikataa kimakosa | imekosea kuikataa",
        "2.3-2 malware: agreement | sw | failed | 554 5.7.1 Message contains a virus | kilishuku kuwa ni hatari | kilikishuku",
        "2.3-3 malware: a suspicion, not a finding | sw | failed | 554 5.7.1 Message contains a virus | ilishuku | iliona kitu hatari",
        "2.3-4 full mailbox: the mailbox gets room | sw | failed | 552 5.2.2 Mailbox full | sanduku lake lipate nafasi | ili apate nafasi",
        "2.3-5 blocklisted: not 'umwombe aombe' | sw | failed | 554 5.7.1 blocked using zen.spamhaus.org | ashughulikie | umwombe aombe",
        "2.3-6 forward the notice | sw | failed | 451 4.3.0 Internal server error | tuma taarifa hii yote | barua pepe barua hii",
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // item | code | must contain | must not contain
        "2.3-7 552: the quota was exceeded | 552 | kimepitwa | kimezidi",
        "2.3-8 502: not available, not 'not carried out' | 502 | haipatikani | haijatekelezwa",
        "2.3-8 504 likewise | 504 | hakipatikani | hakijatekelezwa",
        "2.3-9 'baadhi ya seva', not 'seva nyingine' | 441 | Baadhi ya seva | Seva nyingine",
        "2.3-10 no 'kiwango cha SMTP' | 433 | haina maana iliyobainishwa | kiwango cha SMTP",
        "2.4-2 451: no blame or advice in a code's meaning | 451 | ni hali ya muda | Si kosa lako",
        "2.4-2 450: no advice in a code's meaning | 450 | ni hali ya muda | Jaribu tena baadaye",
        "read 12 S2-2 450 as RFC 5321 says it | 450 | limezuiwa kwa muda kwa sababu za sera | limefungwa",
    })
    void theCodesMeaningsForTheAdministratorSayWhatTheReviewAsked(String item, String code, String mustContain, String mustNotContain) {
        assertThat(ENGINE.codeMeaning(Language.SW, code)).as(item).contains(mustContain).doesNotContain(mustNotContain);
    }

    @Test
    void item2_5_1_aPageThatIsNoLookupOfTheAddressIsNotCalledOne() {
        Explanation microsoft = ENGINE.explain(Language.SW, ENGINE.classify(
            "550 5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/"),
            List.of("rcpt@remote.example"), Action.FAILED);
        Explanation spamhaus = ENGINE.explain(Language.SW, ENGINE.classify("554 5.7.1 Client host [192.0.2.25] blocked using zen.spamhaus.org"),
            List.of("rcpt@remote.example"), Action.FAILED);

        assertThat(microsoft.links()).extracting(Link::label).allSatisfy(label -> assertThat(label).doesNotContain("wa kuangalia anwani"));
        assertThat(spamhaus.links()).extracting(Link::label).anySatisfy(label -> assertThat(label).contains("wa kuangalia anwani 192.0.2.25"));
    }

    @Test
    void items2_4_5_and_2_6_and_2_7_thePageExplainsTheProviderLabelsBothLanguagesAndTheSwitch() {
        Engine englishFirst = Engine.create(Settings.parse(Map.of(Settings.LANGUAGE, "en")::get));
        for (Engine engine : List.of(ENGINE, englishFirst)) {
            Classification listed = engine.classify("554 5.7.1 Client host [192.0.2.25] blocked using zen.spamhaus.org");
            List<List<Explanation>> languages = new ArrayList<>();
            for (Language language : engine.languages()) {
                languages.add(List.of(engine.explain(language, listed, List.of("rcpt@remote.example"), Action.FAILED)));
            }
            TechnicalRow row = new TechnicalRow("rcpt@remote.example", null, null, "blocklisted", "Too many retries failure.");
            BounceView view = new BounceView(languages, engine.texts(), List.of(row), "mx.example", null);
            String text = engine.renderer().text(view).replaceAll("\\s+", " ");
            String html = org.jsoup.Jsoup.parse(engine.renderer().html(view)).text();
            boolean swahiliFirst = engine == ENGINE;
            for (String page : List.of(text, html)) {
                // 2.4-5: the provider explained once per language
                assertThat(page).contains("idara ya TEHAMA/ICT").contains("IT/ICT department");
                // 2.6-1 to 2.6-3: the product named as such; the remote words labelled as untranslated, whoever wrote them
                assertThat(page).contains(swahiliFirst ? "programu-jalizi \"maelezo\"" : "written by \"maelezo\"")
                    .contains("Maneno halisi ya seva").doesNotContain("Maneno ya seva nyingine").doesNotContain("yameandikwa na maelezo (");
                // 2.7-1 and 2.7-2: the switch is labelled, in text and HTML, and right with either language first
                assertThat(page).contains(swahiliFirst ? "Toleo la Kiingereza liko hapa chini" : "Swahili version below");
            }
            // 2.7-3: the technical labels in both languages
            assertThat(text).contains(swahiliFirst ? "Mpokeaji / Recipient" : "Recipient / Mpokeaji")
                .contains(swahiliFirst ? "Maelezo ya kiufundi" : "Technical details");
        }
    }
}
