package io.maelezo.engine.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** "You probably did not send this": said only when the returned original's headers show it never passed here. */
class ForgedBounceCheckTest {
    private static final OwnHosts OWN = OwnHosts.parse("mail.maelezo.test, 192.0.2.25, [2001:db8::25]");
    private static final ForgedBounceCheck CHECK = new ForgedBounceCheck(OWN, Set.of("maelezo.test")::contains);

    private static final String FOREIGN_FIRST_HOP = "from [203.0.113.9] (unknown [203.0.113.9]) by mx.spam-sender.example (Postfix) "
        + "with ESMTP id 4F1; Thu, 3 Dec 2026 10:00:00 +0000";
    private static final String REMOTE_HOP = "from mx.spam-sender.example (mx.spam-sender.example [198.51.100.3]) by mx.remote.example "
        + "with ESMTPS id x; Thu, 3 Dec 2026 10:00:01 +0000";

    @Test
    void anOriginalThatOnlyEverPassedOtherServersIsSuspected() {
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, FOREIGN_FIRST_HOP), Optional.of("<abc@spam-sender.example>"))).isTrue();
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, FOREIGN_FIRST_HOP), Optional.empty())).isTrue();
    }

    @Test
    void aLineAddedByOneOfOurHostsOrSayingTheMailCameFromOneIsProofItWasSentHere() {
        String ours = "from [10.0.0.7] (helo=simu) by mail.maelezo.test (JAMES SMTP Server ) with ESMTPA ID 1; Thu, 3 Dec 2026 09:59:59 +0300";
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, ours), Optional.empty())).isFalse();
        assertThat(CHECK.suspected(List.of("from james (unknown [192.0.2.25]) by mx.remote.example with ESMTP; Thu, 3 Dec 2026"),
            Optional.empty())).isFalse();
        assertThat(CHECK.suspected(List.of("from x by [IPv6:2001:DB8:0:0:0:0:0:25] with ESMTP; Thu, 3 Dec 2026"), Optional.empty())).isFalse();
        assertThat(CHECK.suspected(List.of("FROM x BY MAIL.MAELEZO.TEST. WITH SMTP; Thu, 3 Dec 2026"), Optional.empty())).isFalse();
    }

    @Test
    void aMessageIdOfOneOfOurDomainsIsNoForgeryClaim() {
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, FOREIGN_FIRST_HOP), Optional.of("<1.2@maelezo.test>"))).isFalse();
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, FOREIGN_FIRST_HOP), Optional.of("<1.2@simu.maelezo.test>"))).isFalse();
    }

    @Test
    void withoutReceivedLinesOrWithALineThatNamesNoHostNoClaimIsMade() {
        assertThat(CHECK.suspected(List.of(), Optional.of("<abc@spam-sender.example>"))).isFalse();
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, "(qmail 1234 invoked by uid 0); 3 Dec 2026"), Optional.empty())).isFalse();
        assertThat(CHECK.suspected(List.of(REMOTE_HOP, "(qmail 1234 invoked from network); 3 Dec 2026"), Optional.empty())).isFalse();
    }

    @Test
    void theMachinesOwnHostsLeaveOutLoopbackAndPrivateAddresses() {
        OwnHosts machine = OwnHosts.thisMachine();
        assertThat(machine.test("127.0.0.1")).isFalse();
        assertThat(machine.test("localhost")).isFalse();
        assertThat(machine.test("10.1.2.3")).isFalse();
        assertThatThrownBy(() -> OwnHosts.parse(" , ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownHosts");
    }
}
