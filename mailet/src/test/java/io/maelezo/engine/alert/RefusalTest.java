package io.maelezo.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;

/** Which failures are refusals of this installation itself, the postmaster's business. */
class RefusalTest {
    private static final Classifier CLASSIFIER = Classifier.standard();
    private static final Predicate<String> OURS = Set.of("maelezo.test")::contains;

    private static Optional<Refusal> of(String reply, String recipient) {
        Classification failure = CLASSIFIER.classify(reply);
        return Refusal.of(failure, recipient, "amina@maelezo.test", OURS);
    }

    @Test
    void aListedSendingAddressIsOneWithItsOperatorAndPage() {
        Refusal refusal = of("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", "a@remote.example").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.BLOCKLISTED);
        assertThat(refusal.party()).isEqualTo("Spamhaus");
        assertThat(refusal.listed()).isEqualTo("192.0.2.1");
        assertThat(refusal.page()).contains("https://check.spamhaus.org/results/?query=192.0.2.1");
    }

    @Test
    void microsoftsReputationBlocksAreOnes() {
        assertThat(of("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit "
            + "https://sender.office.com/", "a@outlook.com")).map(Refusal::party).get().asString().startsWith("Microsoft");
        assertThat(of("550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider "
            + "since part of their network is on our block list (S3150).", "a@hotmail.com")).isPresent();
    }

    @Test
    void failingAuthenticationOfOurDomainIsOneNamingTheChecksAndTheProvider() {
        Refusal refusal = of("550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has "
            + "been blocked. The sender must authenticate with at least one of SPF or DKIM.", "rafiki@gmail.com").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.AUTHENTICATION);
        assertThat(refusal.party()).isEqualTo("gmail.com");
        assertThat(refusal.listed()).isEqualTo("SPF/DKIM (maelezo.test)");
    }

    @Test
    void aDomainBlocklistCountsOnlyForOneOfOurDomains() {
        assertThat(of("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dbl.spamhaus.org; "
            + "https://www.spamhaus.org/query/domain/maelezo.test", "a@remote.example"))
            .map(Refusal::kind).contains(Refusal.Kind.DOMAIN_BLOCKLISTED);
        assertThat(of("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using dbl.spamhaus.org; "
            + "https://www.spamhaus.org/query/domain/somebody-else.example", "a@remote.example")).isEmpty();
    }

    @Test
    void thisServersOwnNameOnADomainBlocklistIsOneNamingIt() {
        Refusal refusal = of("554 5.7.1 Service unavailable; Client host [mail.maelezo.test] blocked using dbl.spamhaus.org",
            "a@remote.example").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.SERVER_NAME_BLOCKLISTED);
        assertThat(refusal.listed()).isEqualTo("mail.maelezo.test");
        assertThat(refusal.party()).startsWith("Spamhaus DBL");
    }

    @Test
    void theRecipientServersMistakesAndOrdinaryFailuresAreNone() {
        assertThat(of("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; Error: open resolver; "
            + "https://www.spamhaus.org/returnc/pub/1.2.3.4", "a@remote.example")).isEmpty();
        assertThat(of("550 5.1.1 <a@remote.example>: User unknown", "a@remote.example")).isEmpty();
        assertThat(of("535 5.7.8 Authentication credentials invalid", "a@remote.example")).isEmpty();
        assertThat(of("552 5.2.2 Mailbox full", "a@remote.example")).isEmpty();
    }

    @Test
    void ourOwnSendingDomainMissingFromDnsIsOneButASendingQuotaIsNot() {
        Refusal refusal = of("450 4.1.8 <amina@maelezo.test>: Sender address rejected: Domain not found", "rafiki@gmail.com").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.SENDER_DOMAIN);
        assertThat(refusal.party()).isEqualTo("gmail.com");
        assertThat(refusal.listed()).isEqualTo("maelezo.test");
        assertThat(Refusal.of(CLASSIFIER.classify("450 4.1.8 <x@elsewhere.example>: Sender address rejected: Domain not found"),
            "rafiki@gmail.com", "x@elsewhere.example", OURS)).as("somebody else's domain").isEmpty();
        assertThat(of("550 5.4.5 Daily user sending quota exceeded. - gsmtp", "rafiki@gmail.com")).isEmpty();
        assertThat(of("554 5.7.1 Your account has been disabled", "rafiki@gmail.com")).isEmpty();
    }
}
