package io.maelezo.engine.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.maelezo.engine.Category;

class ClassifierTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // ReplyText beat bare codes.
        "550 5.2.1 mail from spam site rejected | spam",
        "550 5.1.1 <spam@example.com>: Recipient address rejected: User unknown | mailbox-unknown",
        "550 5.7.1 Message rejected as spam by Content Filtering. | spam",
        "554 5.7.1 Message contains unsafe content | malware",
        "552 5.2.2 <a@example.com>: Mailbox full, quota exceeded | mailbox-full",
        "552 5.3.4 Message size exceeds fixed limit | message-too-large",
        "550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. | authentication",
        "421 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. | rate-limited",
        "421 4.7.0 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily blocked. | blocklisted",
        "450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/ | greylisted",
        "550 5.7.1 <a@example.com>: Relay access denied | relay-denied",
        "530 5.7.0 Must issue a STARTTLS command first | tls-required",
        "554 5.7.1 Unencrypted connection not allowed | tls-required",
        "java.net.ConnectException: Connection refused | network",
        // Gmail's multi-line replies: the code each line repeats does not split the sentence.
        "552-5.7.0 This message was blocked because its content presents a potential 552-5.7.0 security issue. | malware",
        "550-5.7.26 This message does not have authentication information or fails to 550-5.7.26 pass authentication checks. To best protect our users from spam, the 550-5.7.26 message has been blocked. | authentication",
        "5.7.0 This message was blocked because its content presents a potential 5.7.0 security issue. | malware",
        // A mail loop is a broken route, not a domain that does not exist.
        "Lowest numbered MX record points to local host | network",
        // Postfix's deferral prefix is not a rate limit: the cause follows it.
        "delivery temporarily suspended: connect to mx.remote.example[198.51.100.9]:25: Connection timed out | network",
        "java.net.UnknownHostException: mx.example.invalid | domain-unknown",
        // James's own RemoteDelivery, when no server of the domain answered (its DSN says 4.4.1).
        "No mail server(s) available at this time. | network",
        // ... and when its DNS look-up of the recipient's domain failed for now (TemporaryResolutionException):
        // its own look-up, not the recipient's server in trouble.
        "Temporary problem looking up mail server for host: example.org.  I cannot determine where to send this message. | network",
        "Too many retries failure. Bouncing after 1 retries. | expired",
        // Mail libraries' own words, quoted when a program could not reach its server: the network,
        // and a host name that does not resolve is a name that does not exist.
        "jakarta.mail.MessagingException: Got bad greeting from SMTP host: smtp.example.com, port: 25, response: [EOF] | network",
        "SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting | network",
        "Net::ReadTimeout | network",
        "javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection? | tls-required",
        "javax.mail.internet.AddressException: Domain contains illegal character | address-invalid",
        "No connection could be made because the target machine actively refused it | network",
        "451 4.4.0 Primary target IP address responded with: 421 4.4.2 Connection dropped. Attempted failover to alternate host, but that did not succeed. | network",
        "Error: Greeting never received | network",
        "socket.gaierror: [Errno -2] Name or service not known | domain-unknown",
        // A list of domain names (the Spamhaus DBL) holding the sending server's own name lists the
        // server; holding the sender's domain, it is about the message.
        "554 5.7.1 Service unavailable; Client host [mail.sender.example] blocked using dbl.spamhaus.org | blocklisted",
        "554 5.7.1 Service unavailable; Sender address [a@sender.example] blocked using dbl.spamhaus.org | spam",
        "554 5.7.1 Rejected: message contains a blacklisted URL | spam",
        "552 5.2.0 Remote MTA 192.0.2.25: An URL contained in this message is blacklisted by Abusix Domain Blacklist | spam",
        // A list of refused senders kept by the recipient's side is its own rule, not a DNS blocklist.
        "551 Sender is on domain's blacklist | policy",
        "554 Refused. Your domain name is blacklisted. | policy",
        "554 Refused. Your IP address is blacklisted. | blocklisted",
        // An IP address that is blocked is the sending server's, not a disabled mailbox.
        "554 IP address blocked | blocklisted",
        "550 Mail from your IP is not accepted | blocklisted",
        // The sending server's HELO name is not the recipient's domain.
        "Invalid HELO/EHLO; No A or MX records found for 'mail.example.com' | policy",
        // The same reasons in the languages European servers answer in.
        "550 Benutzer unbekannt | mailbox-unknown",
        "550 Utilisateur inconnu | mailbox-unknown",
        "550 Пользователь не найден | mailbox-unknown",
        "550 您的邮件被识别为垃圾邮件 | spam",
        "550 该邮箱不存在 | mailbox-unknown",
        "550 メールボックスが一杯です | mailbox-full",
        "550 스팸으로 분류되었습니다 | spam",
        "421 发送频率过快，请稍后再试 | rate-limited",
        // Whose list: the sending server's address, or the sender on the recipient's own list.
        "550 您的IP已被列入黑名单 | blocklisted",
        "550 发件人已被收件人列入黑名单 | policy",
        "550 Отправитель находится в черном списке | policy",
        "552 5.2.2 Dane's mailbox is full | mailbox-full",
        "552 Message trop volumineux | message-too-large",
        "550 Nachricht als Spam erkannt | spam",
        // Codes alone.
        "550 Requested action not taken | policy",
        "551 User not local; please try <b@example.org> | mailbox-moved",
        "553 Requested action not taken | address-invalid",
        "554 Transaction failed | policy",
        "500 Syntax error, command unrecognised | protocol-error",
        // A malformed message under a 5.7.1 is still a malformed message, not a rule about the sender.
        "554 5.7.1 Message has no Date header | protocol-error",
        "550 5.7.1 Pipelining not allowed | protocol-error",
        "451 Requested action aborted | server-error",
        "Command died with status 1: \"/usr/bin/procmail\" | server-error",
        "No space left on device | server-error",
        "Status: 5.1.2 | domain-unknown",
        // The receiving server's own trouble is not a verdict on the message or the mailbox.
        "451 4.3.0 Content filter unavailable, try again later | server-error",
        "Mailbox is locked | server-error",
        "550 Mailbox has exceeded its size limit | mailbox-full",
        "The connection was dropped by the remote host | network",
        // Spam reported about the sending IP is that IP's reputation, not the message's words.
        "550 5.7.1 Your IP has been flagged for sending spam | blocklisted",
        // "Denylist" is today's word for a blocklist: the sending IP's, or the recipient's own list of senders.
        "550 5.7.1 Message rejected: sending IP has been denylisted | blocklisted",
        "550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Foo BL | blocklisted",
        "550 5.7.1 Sender address is on the recipient's denylist | policy",
        // A refusal of the sending IP itself, with no list named, is that IP's standing, not the recipient's rules.
        "554 5.7.1 Connections from 198.51.100.7 disallowed | blocklisted",
        "553 Mail from [198.51.100.7] not allowed | blocklisted",
        // A host banned for the viruses it sent is the sending server's standing, not a virus in this mail.
        "451 4.4.0 mx.example.net You have been banned because of sending virus or SPAM | blocklisted",
        // A recipient domain whose MX points into private address space cannot receive mail from outside.
        "550 5.7.1 <a@example.kr>: Recipient address rejected: Address uses MX in private address space (10.0.0.0/8) | domain-unknown",
        // An address between the words is taken out before reading, so the words around it meet.
        "SMTP: User someone@example.com doesn't exist. Attempt from IP address 192.0.2.7. | mailbox-unknown",
        "550 The user someone@example.com has been disabled | mailbox-disabled",
        "550 Mailbox <someone@example.com> is disabled | mailbox-disabled",
        "553 The sender <someone@example.com> is blacklisted | policy",
        "554 Relay to <someone@example.com> is denied | relay-denied",
        "550 Mailbox someone@example.com is locked due to inactivity for more than 12 months | mailbox-disabled",
        // A file or a command that does not exist is the server's own trouble, not the recipient's mailbox.
        "Unable to run /bin/sh: file does not exist. (#4.3.0) | server-error",
        // A greylist run as a DNS list is greylisting, unless it says it listed the server for good.
        "450 4.7.1 Client host [192.0.2.7] blocked using greylist.example.net; greylisting in action, try again later | greylisted",
        "550 5.7.1 Greylisting in effect, sending server blacklisted | blocklisted",
        // A sender the login may not use is the sender's side, whatever the 551 says.
        "SMTPSenderRefused: (551, 'Sender address is not valid for your login. Check your email program settings.') | policy",
        "Unable to deliver message: maximum delivery time reached | expired",
        "anything at all | unknown",
    })
    void readsTheReasonAPersonWouldRead(String reply, String category) {
        assertThat(CLASSIFIER.classify(reply).category().id()).isEqualTo(category);
    }

    @Test
    void aSpamhausListingNamesTheOperatorAndItsLookupPageForTheListedAddress() {
        Classification classification = CLASSIFIER.classify(
            "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1");

        assertThat(classification.category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(classification.blocklist().map(operator -> operator.id())).contains("spamhaus");
        assertThat(classification.listedAddress()).contains("192.0.2.1");
        assertThat(classification.blocklistUrl()).contains("https://check.spamhaus.org/results/?query=192.0.2.1");
        assertThat(classification.temporary()).isFalse();
    }

    @Test
    void theListedAddressIsTheOneTheRefusingServerNamesNotThatServersOwn() {
        // A person forwards the removal request with this address: the receiving server's own
        // address, which the reporting server's transcript names first, would be of no use.
        Classification postfix = CLASSIFIER.classify("<user@example.com>: host mx.example.com[192.0.2.10] refused to talk to me: "
            + "554 5.7.1 Service unavailable; Client host [198.51.100.20] blocked using zen.spamhaus.org");
        Classification qmail = CLASSIFIER.classify("<neko@example.co.jp>: 203.0.113.225 does not like recipient. Remote host said: "
            + "550 5.7.606 Access denied, banned sending IP [192.0.2.225]. To request removal from this list please visit https://sender.office.com");
        Classification unnamed = CLASSIFIER.classify("host mx.example.com [192.0.2.10]: 554 5.7.1 rejected: listed at zen.spamhaus.org");

        assertThat(postfix.listedAddress()).contains("198.51.100.20");
        assertThat(qmail.listedAddress()).contains("192.0.2.225");
        assertThat(unnamed.blocklist().map(operator -> operator.id())).contains("spamhaus");
        assertThat(unnamed.listedAddress()).isEmpty();
    }

    @Test
    void sendmailsCannotCreateOutputFileIsTheServersOwnTroubleAndFinalAsPastedFromAWebPage() {
        Classification classification = CLASSIFIER.classify("mail.example.info [192.0.2.7] can\u2019t create user output file");

        assertThat(classification.category()).isEqualTo(Category.SERVER_ERROR);
        assertThat(classification.temporary()).isFalse();
    }

    @Test
    void anAddressWrittenRightBeforeOrInsideTheWordsOfAnUnknownMailboxDoesNotHideThem() {
        for (String reply : List.of("550 abc@263.example:user not exist", "550 Local User [abc@123.example] not found.",
            "550 Mailbox ( abc@example.com ) not found or inactivated")) {
            assertThat(CLASSIFIER.classify(reply).category()).as(reply).isEqualTo(Category.MAILBOX_UNKNOWN);
        }
    }

    @Test
    void aMailboxOrDomainThatRefusesMailFromThisSenderIsARuleNotAClosedMailboxOrADomainWithoutMail() {
        assertThat(CLASSIFIER.classify("550 5.7.1 Your email was rejected because the recipient's mailbox does not accept mail from your domain")
            .category()).isEqualTo(Category.POLICY);
        assertThat(CLASSIFIER.classify("554 5.7.1 Recipient address rejected: This mailbox is not accepting messages from you").category())
            .isEqualTo(Category.POLICY);

        assertThat(CLASSIFIER.classify("556 5.1.10 Recipient address rejected: Domain example.org does not accept mail (nullMX)").category())
            .isEqualTo(Category.DOMAIN_UNKNOWN);
        assertThat(CLASSIFIER.classify("550 5.2.1 This mailbox is not accepting messages").category()).isEqualTo(Category.MAILBOX_DISABLED);
    }

    @Test
    void providersWordsForAClosedMailboxTheSendersUnknownDomainAndTheSendersBlockedAccountAreToldSo() {
        assertThat(CLASSIFIER.classify("550 5.1.1 <x@icloud.example>: inactive email address (in reply to RCPT TO command)").category())
            .isEqualTo(Category.MAILBOX_DISABLED);
        assertThat(CLASSIFIER.classify("421 DNS: Can't resolve sender's domain").textVariant()).contains("sender-domain-unknown");
        assertThat(CLASSIFIER.classify("550 Your domain does not exist").textVariant()).contains("sender-domain-unknown");
        assertThat(CLASSIFIER.classify("550 5.7.1 The domain of your From address does not exist").textVariant()).contains("sender-domain-unknown");
        assertThat(CLASSIFIER.classify("550 Domain example.org does not exist").category()).isEqualTo(Category.DOMAIN_UNKNOWN);
        assertThat(CLASSIFIER.classify("550 Return-Path domain not found").textVariant()).contains("sender-domain-unknown");
        assertThat(CLASSIFIER.classify("553 5.1.8 Sender domain unknown").textVariant()).contains("sender-domain-unknown");
        assertThat(CLASSIFIER.classify("550 Your e-mail address does not exist").category()).isEqualTo(Category.POLICY);
        Classification senderSyntax = CLASSIFIER.classify("504 5.5.2 <s@localhost>: Sender address rejected: need fully-qualified address");
        assertThat(senderSyntax.category()).isEqualTo(Category.ADDRESS_INVALID);
        assertThat(senderSyntax.textVariant()).contains("sender-address-invalid");
        assertThat(CLASSIFIER.classify("550 5.7.1 Sender domain spam.example is listed in dbl.spamhaus.org").textVariant())
            .contains("sender-domain-listed");
        assertThat(CLASSIFIER.classify("550 5.7.1 Message rejected: URL in message listed in dbl.spamhaus.org").textVariant()).isEmpty();
        assertThat(CLASSIFIER.classify("554 5.7.1 Sender address rejected: message blocked by spam filter").textVariant()).isEmpty();
        // A look-up of the list that failed is not a listing: the recipient server's check is not working.
        assertThat(CLASSIFIER.classify("DNS error on zen.spamhaus.org").misconfiguredBlocklist()).isTrue();
        // ... for every operator (blocklists.tsv's row *), not only those whose own row says so.
        Classification mailspike = CLASSIFIER.classify("451 4.4.3 Temporary lookup failure of 192.0.2.1 at bl.mailspike.net");
        assertThat(mailspike.misconfiguredBlocklist()).isTrue();
        assertThat(mailspike.category()).isEqualTo(Category.NETWORK);
        assertThat(CLASSIFIER.classify("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org").misconfiguredBlocklist()).isFalse();
        assertThat(CLASSIFIER.classify("554 5.7.1 Service unavailable; Sender address [s@spam.example] blocked using dbl.spamhaus.org")
            .textVariant()).contains("sender-domain-listed");
        assertThat(CLASSIFIER.classify("421 4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your SPF domain.")
            .textVariant()).contains("sender-domain-reputation");
        // The sending machine suspected of infection is a block of its address, not a virus in the email.
        Classification infected = CLASSIFIER.classify("550 5.7.1 Your IP is blacklisted because your machine is infected with a virus");
        assertThat(infected.category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(infected.textVariant()).contains("blocklisted-infected");
        assertThat(CLASSIFIER.classify("554 5.7.1 Mail appears infected with Eicar-Test-Signature").category()).isEqualTo(Category.MALWARE);
        // A domain too new to have a reputation (Spamhaus ZRD) waits; it has no poor reputation to mend.
        assertThat(CLASSIFIER.classify("451 4.7.1 Temporary deferral: sender domain has no established reputation. Please try again later.")
            .textVariant()).contains("domain-too-new");
        assertThat(CLASSIFIER.classify("550-Verification failed for <s@sender.example> 550-Unrouteable address 550 Sender verify failed")
            .textVariant()).contains("sender-verify-failed");
        assertThat(CLASSIFIER.classify("TLS negotiation failed: certificate verify failed (self signed certificate)").textVariant())
            .contains("tls-certificate");
        // A server that takes mail only over TLS: the provider turns TLS on, no certificate is involved.
        assertThat(CLASSIFIER.classify("530 5.7.0 Must issue a STARTTLS command first").textVariant()).contains("tls-not-started");
        assertThat(CLASSIFIER.classify("553 5.1.3 Bad recipient address syntax").textVariant()).isEmpty();
        assertThat(CLASSIFIER.classify("554 5.1.8 Email Outgoing Blocked.").textVariant()).contains("sender-account-blocked");
        assertThat(CLASSIFIER.classify("553 5.7.1 <a@example.com>: Sender address rejected: not owned by user b@example.com").textVariant())
            .contains("sender-address-not-allowed");
        assertThat(CLASSIFIER.classify("550 5.4.6 Unusual sending activity detected. Please try after sometime.").textVariant())
            .contains("rate-limited-sender");
    }

    @Test
    void anAddressInsideALinkDoesNotHideTheLinksWords() {
        assertThat(CLASSIFIER.classify("550 5.7.1 http://www.openspf.org/Why?s=mfrom&id=user@example.org&ip=192.0.2.10").category())
            .isEqualTo(Category.AUTHENTICATION);
    }

    @Test
    void aHostNamedDialupIsNotADialupListing() {
        assertThat(CLASSIFIER.classify("553 dialup.example.net config error: mail loops back to myself").category())
            .isEqualTo(Category.NETWORK);
        assertThat(CLASSIFIER.classify("554 5.7.1 Rejected: dialup or residential IP address").category()).isEqualTo(Category.BLOCKLISTED);
    }

    @Test
    void aSorbsRejectionMeansTheRecipientServerIsMisconfiguredSinceSorbsClosed() {
        Classification classification = CLASSIFIER.classify("554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using dnsbl.sorbs.net");

        assertThat(classification.blocklist().map(operator -> operator.id())).contains("sorbs");
        assertThat(classification.misconfiguredBlocklist()).isTrue();
        assertThat(classification.blocklistUrl()).isEmpty();
    }

    @Test
    void spamhausErrorCodesFromAPublicResolverAreNotAListing() {
        Classification classification = CLASSIFIER.classify(
            "554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using zen.spamhaus.org; 127.255.255.254");

        assertThat(classification.misconfiguredBlocklist()).isTrue();
    }

    @Test
    void spamhausQueryKeysLeakedInARejectionAreRemoved() {
        Classification classification = CLASSIFIER.classify(
            "554 5.7.1 Client host [198.51.100.4] blocked using abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net");

        assertThat(classification.diagnostic().text()).doesNotContain("abcdefghijklmnopqrstuvwxyz")
            .contains("[removed].zen.dq.spamhaus.net");
    }

    @Test
    void abusixCustomerKeysAreRemovedWhateverTheirCase() {
        Classification classification = CLASSIFIER.classify(
            "550 5.7.1 Listed at 0123456789ABCDEF0123456789ABCDEF.COMBINED.MAIL.ABUSIX.ZONE, see https://lookup.abusix.com/search?q=192.0.2.1");

        assertThat(classification.blocklist().map(operator -> operator.id())).contains("abusix");
        assertThat(classification.diagnostic().text()).doesNotContain("0123456789ABCDEF")
            .contains("[removed].COMBINED.MAIL.ABUSIX.ZONE");
        assertThat(classification.listedAddress()).contains("192.0.2.1");
    }

    @Test
    void aNoncharacterAnywhereInAReplyIsReadLikeAnyOtherSign() {
        // U+FFFF once made the keyword tries read past their arrays (found by the fuzz pass).
        for (String reply : List.of("deliver message: time limit exceeded", "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown",
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org")) {
            for (int at = 0; at <= reply.length(); at++) {
                String odd = reply.substring(0, at) + '\uFFFF' + reply.substring(at);
                assertThat(CLASSIFIER.classify(odd).category()).as(odd).isNotNull();
            }
        }
    }

    @Test
    void aLookAlikeHostIsNeverTakenForTheOperator() {
        Classification classification = CLASSIFIER.classify(
            "550 5.7.1 blocked, see https://www.spamhaus.org.evil.example/remove?ip=192.0.2.1");

        // An identifier names an operator only as a whole host name or its last labels.
        assertThat(classification.blocklist()).isEmpty();
        assertThat(classification.blocklistUrl()).isEmpty();
    }

    @Test
    void anOperatorsZoneIsFoundAsTheLastLabelsOfAHostAndAtTheEndOfASentence() {
        assertThat(CLASSIFIER.classify("554 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org.").blocklist()
            .map(operator -> operator.id())).contains("spamhaus");
        assertThat(CLASSIFIER.classify("554 5.7.1 rejected: 1.2.0.192.b.barracudacentral.org listed").blocklist()
            .map(operator -> operator.id())).contains("barracuda");
    }

    @Test
    void aClosedListIsToldAsMisusedWhileTheCompanysOwnMailHostsAreNotAList() {
        // Easynet's DNSBL closed in 2003; Easynet's own mail servers are no blocklist.
        Classification closed = CLASSIFIER.classify("554 Service unavailable; Client host [192.0.2.1] blocked using dynablock.easynet.nl");
        assertThat(closed.blocklist().map(operator -> operator.id())).contains("easynet");
        assertThat(closed.misconfiguredBlocklist()).isTrue();
        assertThat(CLASSIFIER.classify("550 5.7.1 Message rejected by mx1.easynet.nl").blocklist()).isEmpty();
    }

    @Test
    void aProvidersOwnBlockNamesTheProviderByItsCodeAlone() {
        Classification yahoo = CLASSIFIER.classify(
            "421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred due to user complaints - 4.16.55.1");

        assertThat(yahoo.category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(yahoo.blocklist().map(operator -> operator.id())).contains("yahoo");
        assertThat(yahoo.blocklistUrl()).contains("https://senders.yahooinc.com/");
        assertThat(CLASSIFIER.classify("554 RLY:B1").blocklist().map(operator -> operator.id())).contains("aol");
    }

    @Test
    void aProvidersOtherRefusalsAreNotItsBlockOfTheSendingServerThoughTheyNameTheSameHostOrPage() {
        Classification block = CLASSIFIER.classify(
            "554 IP=192.0.2.7 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)");
        Classification content = CLASSIFIER.classify("550-5.7.0 Message considered as spam or virus, rejected 550-5.7.0 Message rejected "
            + "because it was considered as spam. If you feel this 550-5.7.0 to be an error, please forward the wrong classified e-mail "
            + "to our 550-5.7.0 abuse department at FPR@RX.T-ONLINE.DE with all the header lines!");

        assertThat(block.category()).isEqualTo(Category.BLOCKLISTED);
        assertThat(block.blocklist().map(operator -> operator.id())).contains("tonline");
        assertThat(content.category()).as("the message was judged, not the sending server").isNotEqualTo(Category.BLOCKLISTED);
        assertThat(content.blocklist()).isEmpty();

        Classification unknownAtCox = CLASSIFIER.classify("550 5.1.1 <subscriber@cox.net> invalid recipient - Refer to Error Codes section at "
            + "http://postmaster.cox.net/confluence/display/postmaster/Error+Codes for more information.");
        assertThat(unknownAtCox.category()).isEqualTo(Category.MAILBOX_UNKNOWN);
        assertThat(unknownAtCox.blocklist()).isEmpty();
        assertThat(CLASSIFIER.classify("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked by Cox. AUP#CXBL").blocklist()
            .map(operator -> operator.id())).contains("cox");
    }

    @Test
    void anOperatorNamedOnlyByAProvidersCodeIsNeverFoundByWords() {
        // Yahoo's page in a refusal for its rules names no listing; "SPFBL" names a whole filter, not its list.
        Classification policy = CLASSIFIER.classify(
            "554 5.7.9 Message not accepted for policy reasons. See https://senders.yahooinc.com/error-codes");
        Classification greylisted = CLASSIFIER.classify("451 4.7.1 SPFBL you are greylisted on this server.");

        assertThat(policy.category()).isEqualTo(Category.POLICY);
        assertThat(policy.blocklist()).isEmpty();
        assertThat(greylisted.category()).isEqualTo(Category.GREYLISTED);
        assertThat(greylisted.blocklist()).isEmpty();
    }

    @Test
    void aDomainListedOnTheSpamhausDblIsAboutTheMessageNotTheSendingServer() {
        Classification classification = CLASSIFIER.classify(
            "554 5.7.1 Service unavailable; Sender address [x@spam.example] blocked using dbl.spamhaus.org; Spamhaus DBL listed");

        assertThat(classification.category()).isEqualTo(Category.SPAM);
        assertThat(classification.blocklist().map(operator -> operator.id())).contains("spamhaus-dbl");
        assertThat(classification.listedAddress()).isEmpty();
    }

    @Test
    void aGiveUpIsFinalEvenWhenItQuotesAFourHundredAndItsCategoryIsTheCauseItNames() {
        Classification classification = CLASSIFIER.classify(
            "451 4.4.1 mx.example.org [192.0.2.7]: Connection timed out: retry timeout exceeded");

        assertThat(classification.category()).isEqualTo(Category.NETWORK);
        assertThat(classification.temporary()).isFalse();
        assertThat(classification.decidedBy()).startsWith("give-up, cause: ");
    }

    @Test
    void aGiveUpThatNamesNoCauseHasExpired() {
        Classification classification = CLASSIFIER.classify("451 4.7.1 retry timeout exceeded");

        assertThat(classification.category()).isEqualTo(Category.EXPIRED);
        assertThat(classification.temporary()).isFalse();
        assertThat(classification.basis()).isEqualTo(Classification.Basis.GIVE_UP);
    }

    @Test
    void qmailGivingUpOnOneHostIsNotAGiveUpOfTheDelivery() {
        Classification classification = CLASSIFIER.classify(
            "192.0.2.25 does not like recipient. Remote host said: 550 5.1.1 <a@example.org>: User unknown. Giving up on 192.0.2.25.");

        assertThat(classification.category()).isEqualTo(Category.MAILBOX_UNKNOWN);
    }

    @Test
    void aReportsStatusFieldSpeaksWhenTheReplyHasNoCode() {
        Classification classification = CLASSIFIER.classify("Message will be retried for 2 more day(s)", "4.2.2");

        assertThat(classification.category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(classification.enhancedStatus()).contains("4.2.2");
    }

    @Test
    void aDomainThatTakesNoMailIsFinalThoughItsReportSaysFourZeroZero() {
        // Gmail's own DNS answers come as Status 4.0.0 with no reply code, and Gmail gives up at
        // once: "send it again later, it may get through" would be false.
        Classification nullMx = CLASSIFIER.classify("DNS Error: 24275403 DNS type 'mx' lookup of example.org responded with code NOERROR "
            + "The domain example.org doesn't receive email according to the administrator: returned Null MX", "4.0.0");
        Classification nxdomain = CLASSIFIER.classify("DNS Error: 80335577 DNS type 'mx' lookup of example.jp responded with code NXDOMAIN "
            + "Domain name not found: example.jp", "4.0.0");
        Classification serversOwnDeferral = CLASSIFIER.classify("450 4.1.2 <a@example.jp>: Recipient address rejected: Domain not found (NXDOMAIN)");

        assertThat(nullMx.category()).isEqualTo(Category.DOMAIN_UNKNOWN);
        assertThat(nullMx.temporary()).isFalse();
        assertThat(nxdomain.temporary()).isFalse();
        assertThat(serversOwnDeferral.temporary()).isTrue();
    }

    @Test
    void gmailsReportOfAPermanentFailureIsFinalThoughItCouldNotConnect() {
        Classification gaveUp = CLASSIFIER.classify("Technical details of permanent failure: The recipient server did not accept our requests "
            + "to connect. Learn more at https://support.google.com/mail/answer/7720 [example.org 192.0.2.1: socket error]");
        Classification stillTrying = CLASSIFIER.classify("Technical details of temporary failure: The recipient server did not accept our "
            + "requests to connect. [example.org 192.0.2.1: socket error]");

        assertThat(gaveUp.category()).isEqualTo(Category.NETWORK);
        assertThat(gaveUp.temporary()).isFalse();
        assertThat(stillTrying.temporary()).isTrue();
    }

    @Test
    void aLoginRefusedBecauseTheAccountIsLockedIsToldAsTheSendersAccountBlockedNotAsAWrongPassword() {
        Classification locked = CLASSIFIER.classify("535 5.7.8 Error: authentication failed: your account has been locked");
        assertThat(locked.textVariant()).contains("sender-account-blocked");

        Classification wrongPassword = CLASSIFIER.classify("535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6");
        assertThat(wrongPassword.category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(wrongPassword.textVariant()).isEmpty();
    }

    @Test
    void aRefusedLoginStaysARefusedLoginWhateverGenericSecurityCodeTheServerPutsAfterIt() {
        // RFC 4954: 535 is "credentials invalid"; a 5.7.1 after it is not the recipient's rules.
        Classification unauthorized = CLASSIFIER.classify("535 5.7.1 Unauthorized");
        assertThat(unauthorized.category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(unauthorized.decidedBy()).isEqualTo("reply-codes.tsv 535 (before status)");
        assertThat(CLASSIFIER.classify("535 Denied").category()).as("no enhanced code").isEqualTo(Category.AUTHENTICATION);
        assertThat(CLASSIFIER.classify("534 5.7.0 Please use a stronger method").category()).isEqualTo(Category.AUTHENTICATION);

        assertThat(CLASSIFIER.classify("535 5.5.4 Optional Argument not permitted for that AUTH mode.").category())
            .as("a code of another subject says more").isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(CLASSIFIER.classify("530 5.7.1 Client was not authenticated").category())
            .as("530 is shared with STARTTLS and outranks nothing").isNotEqualTo(Category.TLS_REQUIRED);
    }

    @Test
    void aDelayNoticeWithoutACodeIsTemporaryWhateverReasonItQuotes() {
        Classification refused = CLASSIFIER.classify("THIS IS A WARNING MESSAGE ONLY. YOU DO NOT NEED TO RESEND YOUR MESSAGE. Recipient refused: policy");
        assertThat(refused.category()).isEqualTo(Category.POLICY);
        assertThat(refused.temporary()).as("sendmail's delay warning: the sender still tries").isTrue();
        assertThat(CLASSIFIER.classify("Recipient refused: policy").temporary()).as("the same refusal, final").isFalse();
    }

    @Test
    void aReplyThatOnlySaysTryAgainLaterIsPerhapsGreylistingWhileABusyServerIsNot() {
        Classification bare = CLASSIFIER.classify("451 4.7.1 Please try again later");
        assertThat(bare.category()).isEqualTo(Category.GREYLISTED);
        assertThat(bare.textVariant()).contains("greylisted-maybe");
        assertThat(CLASSIFIER.classify("milter-reject: END-OF-MESSAGE from relay.example.org[192.0.2.7]: 4.7.1 Try again later; "
            + "from=<a@example.org> to=<b@example.net> proto=ESMTP").category()).as("as Postfix logs it").isEqualTo(Category.GREYLISTED);

        assertThat(CLASSIFIER.classify("421 Too busy; try again later").category()).isEqualTo(Category.SERVER_ERROR);
        assertThat(CLASSIFIER.classify("452 4.3.1 Mail system full, try again later.").category()).isEqualTo(Category.SERVER_ERROR);
        assertThat(CLASSIFIER.classify("454 4.3.0 Try again later").category()).isEqualTo(Category.SERVER_ERROR);
        assertThat(CLASSIFIER.classify("452 4.2.2 Try again later").category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(CLASSIFIER.classify("550 5.7.1 Please try again later").category()).isNotEqualTo(Category.GREYLISTED);
    }

    @Test
    void aMailLoopIsReturnedAtOnceNotRetried() {
        Classification loop = CLASSIFIER.classify("mail for example.org loops back to myself");

        assertThat(loop.category()).isEqualTo(Category.NETWORK);
        assertThat(loop.temporary()).isFalse();
        assertThat(CLASSIFIER.classify("connect to mx.example.org[192.0.2.1]:25: Connection timed out").temporary()).isTrue();
    }

    @Test
    void fourHundredsAreTemporaryEvenWhenTheWordsSoundFinal() {
        assertThat(CLASSIFIER.classify("450 4.1.1 User unknown, mailbox does not exist").temporary()).isTrue();
        assertThat(CLASSIFIER.classify("550 5.1.1 User unknown").temporary()).isFalse();
        assertThat(CLASSIFIER.classify("java.net.SocketTimeoutException: Read timed out").temporary()).isTrue();
    }

    @Test
    void aServerThatSaidGoodbyeAfterATimeoutIsNotAFinalRefusal() {
        // 221 closes a connection; it refuses nothing, so the words say whether the failure is temporary.
        Classification goodbye = CLASSIFIER.classify("221 Idle timeout, bye bye");

        assertThat(goodbye.category()).isEqualTo(Category.NETWORK);
        assertThat(goodbye.temporary()).isTrue();
    }
}
