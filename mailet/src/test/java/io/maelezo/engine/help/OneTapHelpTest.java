package io.maelezo.engine.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.text.BounceRenderer;
import io.maelezo.engine.text.BounceView;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.ExplanationWriter;
import io.maelezo.engine.text.Language;
import io.maelezo.engine.text.TechnicalRow;
import io.maelezo.engine.text.Texts;

/**
 * The "ask your provider" step is one tap: a prepared mail to the admin's address (recipient, date
 * and codes, in the reader's language, never the remote server's words), or a call; text/plain
 * shows the contact itself.
 */
class OneTapHelpTest {
    private static final Classification UNKNOWN_USER = Classifier.standard()
        .classify("550 5.1.1 <juma@remote.example>: Recipient address rejected: User unknown; see http://evil.example/x");
    private static final ZonedDateTime NOTICE = ZonedDateTime.of(2026, 12, 5, 14, 30, 0, 0, ZoneOffset.ofHours(3));

    private static Explanation explained(String contact, Language language, List<String> recipients, Action action) {
        return new ExplanationWriter(Texts.shipped(), Optional.of(contact)).explain(language, UNKNOWN_USER, recipients, action, () -> NOTICE);
    }

    /** The prepared mail's fields, decoded as a mail client does. */
    private static Map<String, String> fields(String mailto) {
        String query = mailto.substring(mailto.indexOf('?') + 1);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String field : query.split("&")) {
            String[] pair = field.split("=", 2);
            fields.put(pair[0], URLDecoder.decode(pair[1].replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void anAddressMakesTheHelpStepAPreparedMailInTheReadersLanguage() {
        Explanation sw = explained("msaada@mtoa.example", Language.SW, List.of("juma@remote.example"), Action.FAILED);

        assertThat(sw.helpStep()).isEqualTo(sw.steps().size() - 1);
        assertThat(sw.steps().get(sw.helpStep())).contains("msaada@mtoa.example");
        assertThat(sw.helpUri()).startsWith("mailto:msaada@mtoa.example?subject=").hasSizeLessThanOrEqualTo(2000);
        Map<String, String> mail = fields(sw.helpUri());
        assertThat(mail.get("subject")).isEqualTo("Naomba msaada: barua pepe yangu kwa juma@remote.example");
        assertThat(mail.get("body"))
            .startsWith("Habari za kazi,\r\n\r\nBarua pepe niliyoituma kwa juma@remote.example haikufika.")
            .contains("2026-12-05 14:30 (UTC+03:00)")
            .contains("550 5.1.1")
            .doesNotContain("User unknown").doesNotContain("evil.example");

        Map<String, String> en = fields(explained("msaada@mtoa.example", Language.EN, List.of("juma@remote.example"), Action.FAILED).helpUri());
        assertThat(en.get("subject")).isEqualTo("Please help: my email to juma@remote.example");
        assertThat(en.get("body")).contains("was not delivered").contains("550 5.1.1");
    }

    @Test
    void aDelayNoticesPreparedMailSaysNotArrivedYet() {
        Map<String, String> mail = fields(explained("msaada@mtoa.example", Language.SW, List.of("juma@remote.example"), Action.DELAYED).helpUri());

        assertThat(mail.get("body")).contains("bado haijafika").doesNotContain("haikufika");
    }

    @Test
    void manyRecipientsStayWithinTwoThousandCharacters() {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            recipients.add("mpokeaji-mwenye-jina-refu-sana-" + i + "@kikoa-kirefu-sana-cha-mpokeaji.example");
        }

        String uri = explained("msaada@mtoa.example", Language.SW, recipients, Action.FAILED).helpUri();

        assertThat(uri).hasSizeLessThanOrEqualTo(2000);
        assertThat(fields(uri).get("body")).contains("mpokeaji-mwenye-jina-refu-sana-0@").contains("(+");
    }

    @Test
    void aPhoneNumberIsACallAndAPageStaysALinkOfItsOwn() {
        assertThat(explained("+255 712 345 678", Language.SW, List.of("juma@remote.example"), Action.FAILED).helpUri())
            .isEqualTo("tel:+255712345678");
        Explanation page = explained("https://msaada.mtoa.example/barua", Language.SW, List.of("juma@remote.example"), Action.FAILED);
        assertThat(page.helpUri()).isNull();
        assertThat(page.links()).extracting(link -> link.url()).contains("https://msaada.mtoa.example/barua");
        assertThat(explained("Idara ya TEHAMA, ghorofa ya 2", Language.SW, List.of("juma@remote.example"), Action.FAILED).helpUri()).isNull();
    }

    @Test
    void anAddressWithAQueryOrHeadersOfItsOwnIsNoLink() {
        assertThat(SupportContact.read("msaada@mtoa.example?bcc=x@evil.example").kind()).isEqualTo(SupportContact.Kind.TEXT);
        assertThat(SupportContact.read("a b@mtoa.example").kind()).isEqualTo(SupportContact.Kind.TEXT);
        assertThat(SupportContact.read("mailto:msaada@mtoa.example").written()).isEqualTo("msaada@mtoa.example");
    }

    @Test
    void inHtmlTheHelpStepIsTheLinkAndTextPlainShowsTheAddress() {
        Explanation sw = explained("msaada@mtoa.example", Language.SW, List.of("juma@remote.example"), Action.FAILED);
        BounceRenderer renderer = new BounceRenderer();
        BounceView view = new BounceView(List.of(List.of(sw)), Texts.shipped(),
            List.of(new TechnicalRow("juma@remote.example", null, "5.1.1", "address-invalid", "550 5.1.1 User unknown", null)),
            "mx.remote.example", null);

        Document html = Jsoup.parse(renderer.html(view));
        assertThat(html.select("ol li a[href^=mailto:]")).hasSize(1);
        assertThat(html.select("ol li a[href^=mailto:]").first().text()).contains("msaada@mtoa.example");
        assertThat(html.select("ol li a[href^=mailto:]").attr("href")).isEqualTo(sw.helpUri());
        assertThat(renderer.text(view)).contains("msaada@mtoa.example").doesNotContain("mailto:");
    }
}
