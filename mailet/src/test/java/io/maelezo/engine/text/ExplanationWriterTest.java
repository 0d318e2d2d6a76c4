package io.maelezo.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;

/** The words of a reason are written once for a burst of bounces; each bounce still reads as its own. */
class ExplanationWriterTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    /** What a reader of this reply is told, in English, for one recipient. */
    private static Explanation toldOf(String reply) {
        return new ExplanationWriter(Texts.shipped(), Optional.empty()).explain(Language.EN, CLASSIFIER.classify(reply),
            List.of("halima@remote.example"));
    }

    private static Classification listed(String address) {
        return CLASSIFIER.classify("550 5.7.1 Service unavailable; Client host [" + address + "] blocked using zen.spamhaus.org");
    }

    @Test
    void bouncesForOneReasonReadTheSameAndEachNamesItsOwnRecipients() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        Explanation first = writer.explain(Language.SW, listed("192.0.2.1"), List.of("juma@remote.example"));
        Explanation second = writer.explain(Language.SW, listed("192.0.2.1"), List.of("halima@remote.example", "baraka@remote.example"));

        assertThat(first.recipients()).containsExactly("juma@remote.example");
        assertThat(second.recipients()).containsExactly("halima@remote.example", "baraka@remote.example");
        assertThat(second.headline()).isEqualTo(first.headline());
        assertThat(second.whatHappened()).isEqualTo(first.whatHappened());
        assertThat(second.steps()).isEqualTo(first.steps());
        assertThat(second.links()).isEqualTo(first.links());
    }

    @Test
    void aMailLoopIsToldAsASettingToFixNotAServerToTryAgainLater() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        for (String reply : List.of("550 5.4.6 <juma@remote.example>: mail for remote.example loops back to myself",
            "554 5.4.14 Hop count exceeded - possible mail loop", "mail forwarding loop for juma@remote.example")) {
            Explanation loop = writer.explain(Language.EN, CLASSIFIER.classify(reply), List.of("juma@remote.example"));

            assertThat(loop.headline()).as(reply).contains("round in a circle");
            assertThat(String.join(" ", loop.steps())).as(reply).contains("Do not send your email again yet").doesNotContain("Try sending");
        }
        Explanation unreachable = writer.explain(Language.EN, CLASSIFIER.classify("connect to mx.remote.example[192.0.2.1]:25: Connection timed out"),
            List.of("juma@remote.example"));
        assertThat(unreachable.headline()).doesNotContain("circle");
        assertThat(writer.explain(Language.SW, CLASSIFIER.classify("mail for remote.example loops back to myself"), List.of("juma@remote.example"))
            .headline()).contains("mduara");
    }

    @Test
    void aSenderDomainNobodyFindsIsToldAsTheSendersSideWhateverCategoryItsSourceGaveIt() {
        for (String reply : List.of("550 5.1.8 <juma@nosuch.example>: Sender address rejected: Domain not found",
            "553 5.1.8 <juma@nosuch.example>... Domain of sender address juma@nosuch.example does not exist",
            "550 5.1.2 Sender Domain Not Found", "501 5.1.7 sender juma@nosuch.example contains a domain with no valid MX records",
            "SMTP error from remote mail server after MAIL FROM:<juma@nosuch.example> SIZE=222: 550 5.1.7 No such domain nosuch.example.")) {
            Explanation told = toldOf(reply);

            assertThat(told.headline()).as(reply).contains("the domain of your own address");
            assertThat(String.join(" ", told.whatHappened())).as(reply).contains("usually on your side (the sender's side), not the recipient's");
        }
        assertThat(toldOf("550 5.1.2 Host or domain name not found. Name service error for name=remote.example type=MX").headline())
            .doesNotContain("your own address");
    }

    @Test
    void aSendingQuotaIsToldAsTheSendersOwnLimitNotTheRecipientServers() {
        for (String reply : List.of("550 5.4.5 Daily user sending quota exceeded. - gsmtp",
            "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException",
            "Domain example.com has exceeded the max defers and failures per hour (5/5 (100%)) allowed")) {
            Explanation told = toldOf(reply);

            assertThat(told.headline()).as(reply).contains("your account or your provider's server reached its limit");
            assertThat(String.join(" ", told.whatHappened())).as(reply).contains("The recipient's server did not refuse your email");
        }
        assertThat(toldOf("450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time.")
            .headline()).contains("the recipient's mailbox");
    }

    @Test
    void theSendersOwnSuspendedAccountIsNotToldAsTheRecipientsClosedMailbox() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        for (String reply : List.of("554 5.7.1 Your account has been disabled", "The domain is not allowed to send: Account Terminated.",
            "550 message sending for this account is disabled")) {
            Explanation told = toldOf(reply);

            assertThat(told.headline()).as(reply).contains("your own email account is not allowed to send");
        }
        Explanation stillTrying = writer.explain(Language.EN, CLASSIFIER.classify("451 4.7.1 Your account has been temporarily suspended"),
            List.of("halima@remote.example"), Action.DELAYED);
        assertThat(String.join(" ", stillTrying.whatHappened())).contains("has not been able to send your email yet")
            .doesNotContain("the recipient's server has not accepted it");
        assertThat(toldOf("554 delivery error: Sorry your message to halima@remote.example cannot be delivered. This account has been disabled "
            + "or discontinued.").headline()).contains("the recipient's mailbox is closed");
    }

    @Test
    void aDelayNoticeThatSaysOnlyDelayedClaimsNoCauseWhileOneThatNamesItTellsIt() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        for (String reply : List.of("Warning: could not send message for past 4 hours", "Warning: message 1ab-2cd delayed 24 hours",
            "Message will be retried for 2 more day(s)")) {
            Explanation delayed = writer.explain(Language.EN, CLASSIFIER.classify(reply), List.of("halima@remote.example"), Action.DELAYED);
            assertThat(String.join(" ", delayed.whatHappened())).as(reply).doesNotContain("The reason:").doesNotContain("could not be reached");
            assertThat(CLASSIFIER.classify(reply).temporary()).as(reply).isTrue();
        }
        Explanation unreachable = writer.explain(Language.EN, CLASSIFIER.classify("Delivery deferred: host mx.remote.example unreachable"),
            List.of("halima@remote.example"), Action.DELAYED);
        assertThat(String.join(" ", unreachable.whatHappened())).contains("The reason: the recipient's server could not be reached");
    }

    @Test
    void didYouMeanIsOfferedForTheRecipientsUnknownDomainNeverForTheSendersOwn() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        assertThat(writer.suggestion("juma@gmial.com", CLASSIFIER.classify("550 5.1.2 Host or domain name not found. Name service error for "
            + "name=gmial.com type=MX"))).contains("juma@gmail.com");
        assertThat(writer.suggestion("juma@gmial.com", CLASSIFIER.classify("550 5.1.2 unresolvable sender domain"))).isEmpty();
    }

    @Test
    void aLoopReportedWithAFourHundredDoesNotPromiseThatSendingLaterGetsThrough() {
        Explanation loop = toldOf("451 4.4.6 Too many hops 26 (25 max): mail forwarding loop");

        assertThat(loop.headline()).contains("round in a circle");
        assertThat(String.join(" ", loop.whatHappened())).contains("no server will try to deliver your email again").doesNotContain("may get through");
    }

    @Test
    void aFinalRefusalWhoseReasonIsUnclearDoesNotAskToTryAgainLaterWhileATemporaryOneDoes() {
        String finalOne = String.join(" ", toldOf("550 Your E-Mail is redundant. You cannot send E-Mail to yourself").steps());
        String temporaryOne = String.join(" ", toldOf("400 Your E-Mail is redundant").steps());

        assertThat(finalOne).doesNotContain("Try sending again later");
        assertThat(temporaryOne).contains("Try sending again later");
    }

    @Test
    void aRefusalUnderTheRecipientServersRulesDoesNotClaimThatItsWordsNameAnOperator() {
        Explanation policy = toldOf("550 5.7.1 Message rejected under local policy");

        assertThat(policy.headline()).contains("its own rules");
        assertThat(String.join(" ", policy.steps())).doesNotContain("operator named there").contains("if those words name a blocklist");
    }

    @Test
    void aGroupThatTakesPostsFromItsMembersOnlyIsToldAsTheGroupsRuleNotAsTheProvidersToFix() {
        for (String reply : List.of("Post by non-member to a members-only list",
            "We're writing to let you know that the group you tried to contact (team) may not exist, or you may not have permission "
                + "to post messages to the group. https://groups.google.com/support/")) {
            Explanation group = toldOf(reply);

            assertThat(group.headline()).as(reply).contains("accepts emails only from its members");
            assertThat(String.join(" ", group.steps())).as(reply).contains("join the group").doesNotContain("mail provider");
        }
    }

    @Test
    void gmailsOwnJudgementOfTheSendingServerIsNotToldAsAListToBeRemovedFrom() {
        Explanation reputation = toldOf("550-5.7.1 [192.0.2.22] Our system has detected that this message is likely suspicious due to the "
            + "very low reputation of the sending IP address. https://support.google.com/mail/answer/188131 - gsmtp");

        assertThat(reputation.headline()).contains("does not trust your provider's server");
        assertThat(String.join(" ", reputation.whatHappened())).contains("192.0.2.22").doesNotContain("is on the blocklist");
        assertThat(String.join(" ", reputation.steps())).contains("improve their server's reputation").doesNotContain("removal");
    }

    @Test
    void tooManyRecipientsInOneEmailIsToldAsSplittingItNotAsWaiting() {
        Explanation perEmail = toldOf("552 Too many recipients");
        Explanation perHour = toldOf("452 Too many recipients received this hour");

        assertThat(perEmail.headline()).contains("more people than the recipient's server accepts in one email");
        assertThat(String.join(" ", perEmail.steps())).contains("fewer recipients each").doesNotContain("Wait");
        assertThat(perHour.headline()).doesNotContain("in one email");
    }

    @Test
    void aFaultInHowTheEmailWasBuiltIsNotToldAsTwoServersThatDidNotUnderstandEachOther() {
        for (String reply : List.of("550-5.7.1 Messages with multiple addresses in From: header are not accepted. - gsmtp",
            "550 5.7.1 Messages missing a valid address in the From: header, or having no From: header, are not accepted.",
            "554 Transaction failed: Duplicate header 'DKIM-Signature'.", "552 5.6.0 Headers too large (3 max)")) {
            Explanation format = toldOf(reply);

            assertThat(format.headline()).as(reply).contains("the way your email was put together");
            assertThat(String.join(" ", format.whatHappened())).as(reply).doesNotContain("did not understand");
        }
        assertThat(toldOf("503 5.5.1 Error: need RCPT command").headline()).contains("two servers did not understand each other");
    }

    @Test
    void smtpsBareMailboxUnavailableIsNotToldAsSurelyNoSuchMailbox() {
        Explanation bare = toldOf("550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)");
        Explanation unknown = toldOf("550 5.1.1 Requested action not taken: mailbox unavailable");

        assertThat(bare.headline()).contains("said the mailbox of this address is unavailable");
        assertThat(String.join(" ", bare.whatHappened())).contains("Usually").contains("closed or blocked")
            .doesNotContain("said it has no mailbox with this address");
        assertThat(unknown.headline()).contains("does not recognise this address");
        assertThat(String.join(" ", toldOf("450 Requested mail action not taken: mailbox unavailable").whatHappened()))
            .contains("unavailable for now").doesNotContain("has no mailbox with this address");
        assertThat(toldOf("450 \"MAIL FROM\" mailbox unavailable").headline()).contains("refused the address it was sent from");
    }

    @Test
    void aFullMailboxNobodyUsesAsksWhetherTheAddressIsStillUsedNotToDeleteOldEmails() {
        Explanation inactive = toldOf("552-5.2.2 The recipient's inbox is out of storage space and inactive. Please direct the recipient to "
            + "552 5.2.2 https://support.google.com/mail/?p=OverQuotaPerm - gsmtp");

        assertThat(inactive.headline()).contains("no longer in use");
        assertThat(String.join(" ", inactive.steps())).contains("still use this address").doesNotContain("delete old emails");
        assertThat(String.join(" ", toldOf("552 5.2.2 Mailbox full").steps())).contains("delete old emails");
    }

    @Test
    void aMovedAddressIsNotToldAsAMoveTheServerNeverSaid() {
        for (String reply : List.of("551 not our user", "550 5.1.6 recipient no longer on server")) {
            Explanation moved = toldOf(reply);

            assertThat(String.join(" ", moved.whatHappened())).as(reply).contains("not, or no longer, in use there")
                .doesNotContain("said this person has moved");
        }
    }

    @Test
    void aLoginTheSendingSideNeverGaveIsToldAsALoginNotAsSpfOrTheRecipientsRules() {
        for (String reply : List.of("503 5.5.4 Error: send AUTH command first.", "502 5.7.0 Please authenticate first",
            "553 5.7.1 <s@sender.example>: Sender address rejected: not logged in", "504 Refused. Unknown authentication method.",
            "550 5.7.1 Relaying denied. Proper authentication required.", "550 Relay access denied - please authenticate",
            "501 5.0.0 Negotiation cancelled")) {
            Explanation login = toldOf(reply);

            assertThat(login.headline()).as(reply).contains("log in");
            assertThat(String.join(" ", login.steps())).as(reply).doesNotContain("SPF").doesNotContain("after @");
        }
    }

    @Test
    void aRefusalOfTheSendersOwnAddressOrPermissionIsNotToldAsTheRecipientHavingMoved() {
        assertThat(toldOf("551 <s@sender.example> - you do not have permission to send Internet mail").headline())
            .doesNotContain("no longer uses this address");
        for (String reply : List.of("550 5.1.0 Emetteur invalide. Invalid Sender. OFR_415 [415]", "553 Invalid sender")) {
            assertThat(toldOf(reply).headline()).as(reply).contains("refused the address it was sent from");
        }
    }

    @Test
    void aServerOrSenderThatRefusesIsNotToldAsTheRecipientsMailboxClosed() {
        for (String reply : List.of("554 mx.example.com not accepting messages", "550 Relaying to this recipient is blocked",
            "550 5.7.10 STOREDRV.Submit; Sender mailbox quarantined.")) {
            assertThat(toldOf(reply).headline()).as(reply).doesNotContain("mailbox is closed");
        }
        assertThat(toldOf("550 5.7.10 STOREDRV.Submit; Sender mailbox quarantined.").headline()).contains("your own email account");
        assertThat(toldOf("550 5.2.1 Mailbox disabled, not accepting messages").headline()).contains("mailbox is closed");
    }

    @Test
    void theSendersDomainOnSpamhausIsNotToldAsTheWordsOfTheEmail() {
        Explanation listed = toldOf("550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. "
            + "To request removal from this list see https://www.spamhaus.org/query");

        assertThat(listed.headline()).contains("domain of your address");
        assertThat(String.join(" ", listed.steps())).doesNotContain("plain-text");
    }

    @Test
    void aBlockThatIsNoPublicListIsNotToldToAskForARemoval() {
        for (String reply : List.of("550 your IP reputation is too low for this MX",
            "554 5.7.1 Connecting hostname host-192-0-2-10.dyn.example.net looks like a dynamic pool address",
            "550 5.7.1 user@example.com has been blacklisted by mail.example.net.")) {
            assertThat(String.join(" ", toldOf(reply).steps())).as(reply).doesNotContain("removal");
        }
        assertThat(toldOf("450 No DNS entries for your MTA, HELO and Domain. Contact YOUR administrator").headline())
            .doesNotContain("greylisting").contains("name of your provider's server");
    }

    @Test
    void aHeaderOverTheLimitIsNotToldToMakeTheAttachmentsSmaller() {
        Explanation header = toldOf("552 5.3.4 Message header size exceeds limit");

        assertThat(header.headline()).contains("header");
        assertThat(String.join(" ", header.steps())).contains("smaller groups").doesNotContain("attachments smaller");
        assertThat(String.join(" ", toldOf("552 5.3.4 Message size exceeds fixed limit").steps())).contains("attachments smaller");
    }

    @Test
    void aBlockedAttachmentIsToldAsSendingWithoutTheFileNotAsAnUnclearRule() {
        for (String reply : List.of("550 Message contains disallowed file extension (exe)", "552 Illegal Attachment",
            "550 5.7.1 These attachments are not allowed -- Compress before mailing.", "Zu viele Anhänge in der E-Mail",
            "554 The extension of the attached file is blacklisted")) {
            Explanation attachment = toldOf(reply);

            assertThat(attachment.headline()).as(reply).contains("does not accept one of its attachments");
            assertThat(String.join(" ", attachment.steps())).as(reply).contains("without the file that was refused").contains("by a link");
        }
        assertThat(toldOf("550 5.7.1 Rejected by policy").headline()).doesNotContain("attachment");
        assertThat(toldOf("This message contains an link to unwanted file extension mime").headline()).doesNotContain("attachment");
    }

    @Test
    void aRefusedSendingAddressIsToldAsTheReadersOwnAddressNotAnyOfThreeCauses() {
        for (String reply : List.of("501 5.1.8 Sender address rejected", "554 5.7.1 <s@sender.example>: Sender address rejected: Access denied")) {
            Explanation sender = toldOf(reply);

            assertThat(sender.headline()).as(reply).contains("refused the address it was sent from");
            assertThat(String.join(" ", sender.whatHappened())).as(reply).contains("not the recipient's address")
                .doesNotContain("the email's content");
        }
    }

    @Test
    void aConnectionRefusedOnTheSendingMachineItselfIsToldAsTheProvidersFaultNotTheRecipients() {
        Explanation own = toldOf("Deferred: Connection refused by [127.0.0.1]");
        Explanation remote = toldOf("connect to mx.remote.example[192.0.2.1]:25: Connection refused");

        assertThat(own.headline()).contains("inside its own system");
        assertThat(String.join(" ", own.whatHappened())).contains("a part of its own mail system").doesNotContain("usually on the recipient's side");
        assertThat(remote.headline()).contains("could not reach the recipient's server");
    }

    @Test
    void anOpenRelayListingAsksTheProviderToCloseTheRelayNotOnlyToAskForRemoval() {
        Explanation relay = toldOf("501 <a@remote.example>... no access from mail server [192.0.2.55] which is an open relay");

        assertThat(relay.headline()).contains("open relay");
        assertThat(String.join(" ", relay.steps())).contains("does not pass on email for anyone");
        assertThat(String.join(" ", relay.whatHappened())).doesNotContain("spam sent by another user");
        assertThat(toldOf("550 Open Proxy in HELO/EHLO (HELO was 192.0.2.10)").headline()).doesNotContain("open relay");
    }

    @Test
    void aHomeOrDynamicAddressIsToldAsARelayToUseNotAsASpamListingToBeRemovedFrom() {
        for (String reply : List.of("550-5.7.1 [192.0.2.7] The IP you're using to send mail is not authorized to send email directly to our "
            + "servers. Please use the SMTP relay at your service provider instead. - gsmtp",
            "550 5.7.1 Mail from IP 192.0.2.7 was rejected due to listing in Spamhaus PBL. For details please see "
                + "http://www.spamhaus.org/query/bl?ip=192.0.2.7")) {
            Explanation dynamic = toldOf(reply);

            assertThat(dynamic.headline()).as(reply).contains("may not send email directly");
            assertThat(String.join(" ", dynamic.whatHappened())).as(reply).contains("192.0.2.7").contains("home, dial-up or changing (dynamic) internet connection").contains("not about spam")
                .doesNotContain("spam sent by another user");
            assertThat(String.join(" ", dynamic.steps())).as(reply).contains("through a relay");
        }
        assertThat(toldOf("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org").headline())
            .contains("is on a blocklist");
    }

    @Test
    void oneMailboxReceivingTooMuchMailIsTheRecipientsLimitNotTheProviderServers() {
        Explanation busy = toldOf("450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages "
            + "from being delivered. Please resend your message at a later time. - gsmtp");

        assertThat(busy.headline()).contains("the recipient's mailbox is receiving too much email");
        assertThat(String.join(" ", busy.whatHappened())).doesNotContain("all mail from your provider's server");
        assertThat(String.join(" ", busy.steps())).doesNotContain("smaller groups");
    }

    @Test
    void mailToManyUnknownAddressesIsToldAsTheProviderServersToStopNotAsAnOpenRelay() {
        Explanation held = toldOf("421 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)");

        assertThat(held.headline()).contains("is refusing email from your provider's server");
        assertThat(String.join(" ", held.whatHappened())).contains("many addresses there that the recipient's server does not recognise");
        assertThat(String.join(" ", held.steps())).contains("stop the email to addresses that are not recognised").doesNotContain("removal");
        assertThat(String.join(" ", held.whatHappened())).as("the operator's own note would say it is about spam complaints")
            .doesNotContain("mark much of the mail from it as spam");
    }

    @Test
    void aLoginRefusedInWordsIsNotToldAsFailedSpfOrDkimChecks() {
        for (String reply : List.of("504 5.7.4 Unrecognized Authentication Type. - gsmtp", "554 5.7.0 Too Many Unauthenticated commands. - gsmtp",
            "526 Authentication failure[0]")) {
            assertThat(String.join(" ", toldOf(reply).whatHappened())).as(reply).doesNotContain("SPF");
        }
        assertThat(CLASSIFIER.classify("421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't "
            + "aligned with either the authenticated SPF or DKIM organizational domain.").category().id()).isEqualTo("authentication");
    }

    @Test
    void aDomainOfTheMessageOnAListOfDomainsIsToldAsThatDomainNotAsItsWords() {
        for (String reply : List.of("550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL -- see https://www.spamhaus.org/dbl/",
            "550 example.com listed in multi.uribl.com; see http://lookup.uribl.com/?domain=example.com", "Rejected by SURBL.")) {
            Explanation listed = toldOf(reply);

            assertThat(listed.headline()).as(reply).contains("a domain named in it is on a list of domains seen in spam");
            assertThat(String.join(" ", listed.steps())).as(reply).contains("without them").contains("If the domain is your own")
                .doesNotContain("spam filter's administrator");
        }
        assertThat(toldOf("550 5.7.1 Message rejected as spam by Content Filtering").headline()).contains("a spam filter refused it");
        assertThat(toldOf("554 5.7.1 Service unavailable; Sender address [s@sender.example] blocked using dbl.spamhaus.org").headline())
            .contains("the domain of your address");
    }

    @Test
    void anAddressOnAListOfInfectedMachinesAsksToCleanTheMachineNotToBlameAnotherUsersSpam() {
        Explanation infected = toldOf("554 IB105. Connection refused. 192.0.2.10 is listed on the Exploits Block List (XBL). Please visit "
            + "http://www.spamhaus.org/xbl for more information.");

        assertThat(infected.headline()).contains("hacked or infected machines");
        assertThat(String.join(" ", infected.whatHappened())).contains("192.0.2.10").doesNotContain("spam sent by another user");
        assertThat(String.join(" ", infected.steps())).contains("find and clean");
        assertThat(toldOf("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using sbl-xbl.spamhaus.org").headline())
            .contains("is on a blocklist");
    }

    @Test
    void theRecipientsOwnBlockedSendersAreToldAsTheRecipientsToLiftNotAsWordsToChange() {
        for (String reply : List.of("550 You are registered as spammer (by user's reject list)", "550 Mail is rejected by recipients",
            "Refused due to recipient preferences")) {
            Explanation blocked = toldOf(reply);

            assertThat(blocked.headline()).as(reply).contains("the settings of the recipient or of their organisation refused it");
            assertThat(String.join(" ", blocked.steps())).as(reply).contains("remove your address from their blocked senders")
                .doesNotContain("plain-text");
        }
    }

    @Test
    void aBlockOnTheRecipientServersOwnListIsTheRecipientsSideToLiftNotAnOperatorsToDelist() {
        Explanation own = toldOf("550 5.7.1 IP address blacklisted by recipient");

        assertThat(own.headline()).contains("on a list of its own");
        assertThat(String.join(" ", own.steps())).contains("email administrator allow your provider's server").doesNotContain("removal");
    }

    @Test
    void aRecipientServerThatTakesMailOnlyOverTlsAsksTheProviderToTurnItOn() {
        for (String reply : List.of("530 5.7.0 Must issue a STARTTLS command first. - gsmtp",
            "421 4.7.29 Your email has been rate limited because you're not using a TLS connection.",
            "451 5.7.3 STARTTLS is required to send mail [DBBPR09CA0030.eurprd09.prod.outlook.com]")) {
            Explanation tls = toldOf(reply);

            assertThat(tls.headline()).as(reply).contains("only over an encrypted connection");
            assertThat(String.join(" ", tls.steps())).as(reply).contains("turn on encryption");
        }
        assertThat(toldOf("451 4.7.6 [internal] STARTTLS required but not advertised").headline()).contains("a secure connection was required");
    }

    @Test
    void gmailsSendMailAsFailureIsToldAsTheReadersOwnSettingsNotTheRecipientsChecks() {
        Explanation sendAs = toldOf("** Message not delivered ** You're sending this from a different address or alias using the 'Send mail as' "
            + "feature. The settings for your 'Send mail as' account are misconfigured or out of date. Check those settings and try resending. "
            + "Learn more here: https://support.google.com/mail/?p=CustomFromDenied The response was: Smtp server does not advertise AUTH capability");

        assertThat(sendAs.headline()).contains("'Send mail as'");
        assertThat(String.join(" ", sendAs.whatHappened())).doesNotContain("SPF");
        assertThat(String.join(" ", sendAs.steps())).contains("edit info");
    }

    @Test
    void aMissingReverseDnsNameIsTheProvidersToFixNotTheReadersAddress() {
        Explanation rdns = toldOf("450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.25]");

        assertThat(rdns.headline()).contains("could not check the name of your provider's server");
        assertThat(String.join(" ", rdns.whatHappened())).doesNotContain("@gmail.com").doesNotContain("DKIM");
        assertThat(toldOf("550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy").headline())
            .doesNotContain("name of your provider's server");
    }

    @Test
    void yahoosRefusalOfAnUnauthenticatedSenderIsNotToldAsARefusedLogin() {
        Explanation yahoo = toldOf("550 5.7.9 This mail has been blocked because the sender is unauthenticated. "
            + "Yahoo requires all senders to authenticate with either SPF or DKIM.");
        Explanation login = toldOf("534 5.7.9 Authentication mechanism is too weak");

        assertThat(yahoo.headline()).doesNotContain("log in").contains("could not confirm that it really came from you");
        assertThat(login.headline()).contains("log in");
    }

    @Test
    void anUnknownAddressReachedThroughAForwardingIsNotToldAsTheReadersMisspelling() {
        Explanation forwarded = toldOf("<r@pool.remote.example> (expanded from <halima@remote.example>): user unknown");
        Explanation direct = toldOf("550 5.1.1 <halima@remote.example>: Recipient address rejected: User unknown in local recipient table");

        assertThat(forwarded.headline()).contains("forwards mail to another address");
        assertThat(String.join(" ", forwarded.steps())).doesNotContain("Check the address");
        assertThat(String.join(" ", direct.steps())).contains("Check the address");
    }

    @Test
    void aSendersQuotaIsNotClaimedForTheRecipientServersOwnLimits() {
        for (String reply : List.of("452 4.5.3 Limit of 50 recipients per session exceeded", "421 4.7.0 Per session limit exceeded",
            "552 5.2.2 Email quota exceeded")) {
            assertThat(toldOf(reply).headline()).as(reply).doesNotContain("your account");
        }
    }

    @Test
    void onceTheAdministratorIsToldTheReaderIsNotAlsoAskedToForwardTheNotice() {
        Explanation told = new ExplanationWriter(Texts.shipped(), Optional.empty()).explain(Language.EN,
            CLASSIFIER.classify("550 5.1.8 <amina@maelezo.test>: Sender address rejected: Domain not found").withAdminTold(),
            List.of("halima@remote.example"));

        assertThat(String.join(" ", told.whatHappened())).contains("You do not need to forward this notice");
        assertThat(told.steps()).hasSize(2);
        assertThat(told.steps().get(0)).startsWith("Contact the recipient by other means");
        assertThat(String.join(" ", told.steps())).doesNotContain("Forward this whole notice");
    }

    @Test
    void anotherListedAddressIsNamedInTheWordsAndTheLookupLink() {
        ExplanationWriter writer = new ExplanationWriter(Texts.shipped(), Optional.empty());

        Explanation first = writer.explain(Language.EN, listed("192.0.2.1"), List.of("juma@remote.example"));
        Explanation second = writer.explain(Language.EN, listed("198.51.100.7"), List.of("juma@remote.example"));

        assertThat(String.join(" ", first.whatHappened())).contains("192.0.2.1").doesNotContain("198.51.100.7");
        assertThat(String.join(" ", second.whatHappened())).contains("198.51.100.7").doesNotContain("192.0.2.1");
        assertThat(second.links()).extracting(Link::url).containsExactly("https://check.spamhaus.org/results/?query=198.51.100.7");
    }

    @Test
    void anAdminsTextThatNamesTheRecipientsNamesThoseOfEachBounce(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("maelezo_sw.properties"),
            "category.blocklisted.what=Barua kwa {{recipients}} ilikataliwa na {{operator}}.\n", StandardCharsets.UTF_8);
        ExplanationWriter writer = new ExplanationWriter(Texts.withOverrides(directory), Optional.empty());

        Explanation first = writer.explain(Language.SW, listed("192.0.2.1"), List.of("juma@remote.example"));
        Explanation second = writer.explain(Language.SW, listed("192.0.2.1"), List.of("halima@remote.example"));

        assertThat(first.whatHappened()).contains("Barua kwa juma@remote.example ilikataliwa na Spamhaus.");
        assertThat(second.whatHappened()).contains("Barua kwa halima@remote.example ilikataliwa na Spamhaus.");
    }
}
