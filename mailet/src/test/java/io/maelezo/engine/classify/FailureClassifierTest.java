package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.maelezo.engine.Category;

class FailureClassifierTest {
    private static final FailureClassifier CLASSIFIER = new FailureClassifier(new RecentClassifications(Classifier.standard()));
    private static final String USER_UNKNOWN = "550 5.1.1 <nouser@remote.example>: Recipient address rejected: User unknown";

    @Test
    void theSendersOneReplyIsTheReasonOfTheRecipientItNames() {
        Verdict named = CLASSIFIER.decide(FailureEvidence.of("nouser@remote.example").sendersReply(USER_UNKNOWN)
            .otherRecipients(List.of("listed@remote.example")).build());
        Verdict other = CLASSIFIER.decide(FailureEvidence.of("listed@remote.example").sendersReply(USER_UNKNOWN)
            .otherRecipients(List.of("nouser@remote.example")).build());

        assertThat(named.classification().category()).isEqualTo(Category.MAILBOX_UNKNOWN);
        assertThat(other.classification().category()).isEqualTo(Category.UNKNOWN);
        assertThat(other.classification().aboutAnotherRecipient()).isTrue();
        // The codes stay, as evidence for the technical section.
        assertThat(other.classification().replyCode()).contains("550");
    }

    @Test
    void aReplyThatNamesNoRecipientIsEveryRecipientsReason() {
        String blocklisted = "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org";
        Verdict verdict = CLASSIFIER.decide(FailureEvidence.of("a@remote.example").sendersReply(blocklisted)
            .otherRecipients(List.of("b@remote.example")).build());

        assertThat(verdict.classification().category()).isEqualTo(Category.BLOCKLISTED);
    }

    @Test
    void anAddressIsNamedOnlyAsAWholeAddress() {
        assertThat(FailureClassifier.names("550 <a@remote.example>: unknown", "a@remote.example")).isTrue();
        assertThat(FailureClassifier.names("550 A@Remote.Example... User unknown", "a@remote.example")).isTrue();
        assertThat(FailureClassifier.names("a@remote.example: mailbox full", "a@remote.example")).isTrue();
        assertThat(FailureClassifier.names("550 <xa@remote.example>: unknown", "a@remote.example")).isFalse();
        assertThat(FailureClassifier.names("550 <a@remote.example.org>: unknown", "a@remote.example")).isFalse();
    }

    @Test
    void theActionIsTheReportsAndADelayedRecipientsCategoryIsItsCause() {
        Verdict verdict = CLASSIFIER.decide(FailureEvidence.of("a@remote.example")
            .reply("450 4.2.2 <a@remote.example>: Mailbox full").action(Action.DELAYED).build());

        assertThat(verdict.action()).isEqualTo(Action.DELAYED);
        assertThat(verdict.classification().category()).isEqualTo(Category.MAILBOX_FULL);
    }

    @Test
    void theReportsStatusAndTheBouncesWordsSpeakWhenTheReplySaysLittle() {
        Verdict byStatus = CLASSIFIER.decide(FailureEvidence.of("a@remote.example").reply("Delivery failed").reportedStatus("5.1.1").build());
        Verdict byWords = CLASSIFIER.decide(FailureEvidence.of("a@remote.example").reply("Message will be retried for 2 more day(s)")
            .action(Action.DELAYED)
            .bounceWords("The error that the other server returned was: 450 4.2.2 <a@remote.example>... Mailbox Full").build());

        assertThat(byStatus.classification().category()).isEqualTo(Category.MAILBOX_UNKNOWN);
        assertThat(byWords.classification().category()).isEqualTo(Category.MAILBOX_FULL);
    }

    @Test
    void aGiveUpWhoseCauseOnlyTheBouncesTextNamesIsThatCauseStillFinal() {
        Verdict verdict = CLASSIFIER.decide(FailureEvidence.of("a@remote.example").reply("4.4.7").reportedStatus("4.4.7")
            .bounceWords("<a@remote.example>... Deferred: Connection refused by mx.remote.example.\\nMessage could not be delivered for 5 days")
            .build());

        assertThat(verdict.classification().category()).isEqualTo(Category.NETWORK);
        assertThat(verdict.classification().temporary()).isFalse();
    }
}
