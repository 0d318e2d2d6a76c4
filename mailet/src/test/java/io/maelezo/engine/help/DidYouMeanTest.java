package io.maelezo.engine.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.text.BounceRenderer;
import io.maelezo.engine.text.BounceView;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.Language;
import io.maelezo.engine.text.TechnicalRow;

/** "Je, ulimaanisha asha@gmail.com?": offered for a domain that does not exist, only when one well-known domain is that close. */
class DidYouMeanTest {
    private static final Engine ENGINE = Engine.create(Settings.defaults());
    /** What James 3.8.1's RemoteDelivery keeps when a domain has no DNS entries (MailDelivrer.handleNoTargetServer). */
    private static final String JAMES_NO_DNS = "There are no DNS entries for the hostname gmial.com.  I cannot determine where to send this message.";

    @Test
    void jamesOwnNoDnsFailureIsAnUnknownDomainAndOffersTheWellKnownOne() {
        Classification noDns = ENGINE.classify(JAMES_NO_DNS);
        assertThat(noDns.category().id()).isEqualTo("domain-unknown");
        assertThat(noDns.temporary()).isFalse();

        Explanation sw = ENGINE.explain(Language.SW, noDns, List.of("asha@gmial.com"), Action.FAILED);
        assertThat(sw.suggestions()).containsExactly(
            "Je, ulimaanisha asha@gmail.com? Uliandika asha@gmial.com. Kama ndivyo, tuma barua yako tena kwa asha@gmail.com.");
        assertThat(ENGINE.explain(Language.EN, noDns, List.of("asha@gmial.com"), Action.FAILED).suggestions())
            .containsExactly("Did you mean asha@gmail.com? You wrote asha@gmial.com. If so, send your email again to asha@gmail.com.");
        assertThat(ENGINE.suggestion("asha@gmial.com", noDns)).contains("asha@gmail.com");
    }

    @Test
    void theSuggestionIsWhatAPersonReadsRightAfterWhomTheMailWasFor() {
        Classification noDns = ENGINE.classify("550 5.1.2 Host or domain name not found. Name service error for name=yahooo.com type=A");
        Explanation sw = ENGINE.explain(Language.SW, noDns, List.of("baraka@yahooo.com"), Action.FAILED);
        String text = new BounceRenderer().text(new BounceView(List.of(List.of(sw)), ENGINE.texts(),
            List.of(new TechnicalRow("baraka@yahooo.com", null, "5.1.2", "domain-unknown", "550 5.1.2 Host not found")), null, null));

        String afterRecipients = text.substring(text.indexOf("baraka@yahooo.com") + "baraka@yahooo.com".length()).strip();
        assertThat(afterRecipients).startsWith("Je, ulimaanisha baraka@yahoo.com?");
    }

    @Test
    void noGuessBetweenTwoNorForAFarOrAWellKnownDomain() {
        DomainSuggestions domains = DomainSuggestions.shipped();

        assertThat(domains.suggest("juma@gmx.ne")).isEmpty(); // gmx.net and gmx.de are both one edit away
        assertThat(domains.suggest("juma@gmai.com")).contains("juma@gmail.com"); // one edit; mail.com is two
        assertThat(domains.suggest("juma@kampuni-yetu.co.tz")).isEmpty();
        assertThat(domains.suggest("juma@gmail.com")).isEmpty();
        assertThat(domains.suggest("juma@mail.com")).isEmpty(); // itself well known, though one edit from gmail.com
        assertThat(domains.suggest("juma@GMAIL.CON")).contains("juma@gmail.com");
        assertThat(domains.suggest("juma@hotmial.com")).contains("juma@hotmail.com");
        assertThat(domains.suggest("juma@udsm.ac.t")).contains("juma@udsm.ac.tz");
        assertThat(domains.suggest("not-an-address")).isEmpty();
    }

    @Test
    void onlyAnUnknownDomainOfAFailedNoticeGetsOne() {
        Classification unknownUser = ENGINE.classify("550 5.1.1 <asha@gmial.com>: Recipient address rejected: User unknown");
        assertThat(ENGINE.explain(Language.SW, unknownUser, List.of("asha@gmial.com"), Action.FAILED).suggestions()).isEmpty();
        assertThat(ENGINE.suggestion("asha@gmial.com", unknownUser)).isEmpty();

        Classification noDns = ENGINE.classify(JAMES_NO_DNS);
        assertThat(ENGINE.explain(Language.SW, noDns, List.of("asha@gmial.com"), Action.DELAYED).suggestions()).isEmpty();
    }

    @Test
    void anAdminsOwnDomainsAreOfferedToo(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("domains.txt");
        Files.writeString(file, "# our partners\nkampuni.co.tz\n", StandardCharsets.UTF_8);
        Engine engine = Engine.create(Settings.parse(Map.of(Settings.MAIL_DOMAINS_FILE, file.toString())::get));

        assertThat(engine.suggestion("juma@kampuni.co.t", engine.classify(JAMES_NO_DNS))).contains("juma@kampuni.co.tz");
        assertThat(engine.suggestion("asha@gmial.com", engine.classify(JAMES_NO_DNS))).contains("asha@gmail.com");
    }

    @Test
    void anUnreadableFileIsAClearStartUpErrorNamingTheSetting(@TempDir Path directory) {
        assertThatThrownBy(() -> Engine.create(Settings.parse(
            Map.of(Settings.MAIL_DOMAINS_FILE, directory.resolve("missing.txt").toString())::get)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mailDomainsFile");
        assertThat(Optional.of(DomainSuggestions.shipped().domains())).get().asList().contains("gmail.com", "udsm.ac.tz");
    }
}
