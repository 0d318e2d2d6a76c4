package io.maelezo.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.text.Texts;

/** The postmaster's alert: English first, then Swahili; what, who, the page, the counts, one reply, what to check, the traps. */
class AlertMailTest {
    private static final AlertMail WORDS = new AlertMail(Texts.shipped(), ZoneId.of("Africa/Dar_es_Salaam"));

    private static Alert alert(Refusal refusal, boolean summary) {
        return new Alert(refusal, summary, 12, 3, Instant.parse("2026-12-05T06:00:00Z"), Instant.parse("2026-12-05T07:30:00Z"),
            "554 5.7.1 Service unavailable;\r\n Client host [192.0.2.1] blocked using uceprotect.net; see http://evil.example/pay");
    }

    @Test
    void anAlertSaysWhatWhoWhereToLookAndWhatToCheckInEnglishThenSwahili() {
        Refusal refusal = new Refusal(Refusal.Kind.BLOCKLISTED, "UCEPROTECT", "192.0.2.1",
            Optional.of("https://www.uceprotect.net/en/rblcheck.php?ipr=192.0.2.1"));
        String body = WORDS.body(alert(refusal, false), Duration.ofHours(6));

        assertThat(WORDS.subject(alert(refusal, false))).isEqualTo("[maelezo] This server's mail is refused: 192.0.2.1 (UCEPROTECT)");
        assertThat(body).startsWith("Remote servers are refusing mail from this James server")
            .contains("the IP address this server sends from, 192.0.2.1, is on the blocklist of UCEPROTECT")
            .contains("https://www.uceprotect.net/en/rblcheck.php?ipr=192.0.2.1")
            .contains("Refused: 12, from 3 sender(s); first seen 2026-12-05 09:00:00 (UTC+03:00), last seen 2026-12-05 10:30:00 (UTC+03:00)")
            .contains("Client host [192.0.2.1] blocked using uceprotect.net")
            .contains("never pay").contains("UCEPROTECT levels 2 and 3").contains("at most once per 6 h");
        assertThat(body.indexOf("Remote servers are refusing")).isLessThan(body.indexOf("Seva za mbali zinakataa"));
        assertThat(body).contains("iko kwenye orodha ya kuzuia (blocklist) ya UCEPROTECT").contains("usilipe");
        assertThat(body).doesNotContain("\r\n Client host");
        assertThat(body).as("no remote address a mail client would make a link").contains("hxxp://evil.example/pay")
            .doesNotContain("http://evil.example");
    }

    @Test
    void aListingOfAnAddressTheReplyDoesNotNameIsToldWithoutOne() {
        Refusal refusal = new Refusal(Refusal.Kind.BLOCKLISTED, "Microsoft (Outlook.com / Office 365)", "", Optional.empty());
        assertThat(WORDS.subject(alert(refusal, false))).isEqualTo("[maelezo] This server's mail is refused: (Microsoft (Outlook.com / Office 365))");
        assertThat(WORDS.body(alert(refusal, false), Duration.ofHours(6)))
            .contains("What: the IP address this server sends from is on the blocklist of Microsoft")
            .contains("Nini: anwani ya IP ya seva hii inayotuma barua iko kwenye orodha ya kuzuia");
    }

    @Test
    void aSummarySaysItIsOneAndAnAuthenticationAlertSaysWhatToCheck() {
        Refusal refusal = new Refusal(Refusal.Kind.AUTHENTICATION, "gmail.com", "SPF/DKIM (maelezo.test)", Optional.empty());
        String body = WORDS.body(alert(refusal, true), Duration.ofMinutes(30));

        assertThat(body).startsWith("Summary:").contains("gmail.com refuses the mail because a check failed: SPF/DKIM (maelezo.test)")
            .contains("SPF record of the domain lists this server's IP address")
            .doesNotContain("UCEPROTECT").doesNotContain("Lookup and delisting page").contains("30 min");
    }

    @Test
    void everyKindOfRefusalSaysWhatAndWhatToCheckInBothLanguages() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            String body = WORDS.body(alert(new Refusal(kind, "gmail.com", "maelezo.test", Optional.empty()), false), Duration.ofHours(6));
            assertThat(body).as(kind.name()).contains("What: ").contains("What to check: ").contains("Nini: ").contains("Cha kuangalia: ");
        }
    }
}
