package io.maelezo.engine.classify;

import java.util.Optional;
import java.util.function.Supplier;

import io.maelezo.engine.Category;
import io.maelezo.engine.knowledge.BlocklistOperator;
import io.maelezo.engine.parse.Diagnostic;

/** What maelezo understood of one failure: the codes, the category and, for a listing, the blocklist. */
public final class Classification {
    /** What decided the category: one of the steps of decision-order.tsv, or nothing. */
    public enum Basis {
        GIVE_UP, VENDOR_CODE, BLOCKLIST_OPERATOR, WORDS,
        /** A reply code more specific than the enhanced code beside it (535: a refused login). */
        SPECIFIC_REPLY_CODE,
        ENHANCED_STATUS, WEAK_WORDS,
        /** Words that only say the mail is delayed: the category is a reading, not a cause the reply names. */
        DELAY_WORDS,
        REPLY_CODE, NOTHING,
        /** The reply was about another recipient of the same mail: this one's reason is not known. */
        OTHER_RECIPIENT
    }

    private final Diagnostic diagnostic;
    private final Category category;
    private final Basis basis;
    private final boolean temporary;
    private final BlocklistOperator blocklist;
    private final String listedAddress;
    private final boolean misconfiguredBlocklist;
    private final String decidedBy;
    /**
     * The texts that tell it when its words say more than its category (text-variants.tsv): asked
     * only when a person's text is written (the CLI never asks); the Classifier's supplier keeps it.
     */
    private final Supplier<Optional<String>> textVariant;
    /** The postmaster has been alerted to this refusal of the installation (engine/alert): the reader is told so. */
    private final boolean adminTold;
    /** The report says the address the reader wrote passed the mail on to another, where it failed (a forwarding, an alias). */
    private final boolean passedOn;

    public Classification(Diagnostic diagnostic, Category category, Basis basis, boolean temporary, BlocklistOperator blocklist,
                          String listedAddress, boolean misconfiguredBlocklist, String decidedBy) {
        this(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist, decidedBy, Optional::empty, false, false);
    }

    public Classification(Diagnostic diagnostic, Category category, Basis basis, boolean temporary, BlocklistOperator blocklist,
                          String listedAddress, boolean misconfiguredBlocklist, String decidedBy, Supplier<Optional<String>> textVariant) {
        this(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist, decidedBy, textVariant, false, false);
    }

    private Classification(Diagnostic diagnostic, Category category, Basis basis, boolean temporary, BlocklistOperator blocklist,
                           String listedAddress, boolean misconfiguredBlocklist, String decidedBy, Supplier<Optional<String>> textVariant,
                           boolean adminTold, boolean passedOn) {
        this.adminTold = adminTold;
        this.passedOn = passedOn;
        this.textVariant = textVariant;
        this.diagnostic = diagnostic;
        this.category = category;
        this.basis = basis;
        this.temporary = temporary;
        this.blocklist = blocklist;
        this.listedAddress = listedAddress;
        this.misconfiguredBlocklist = misconfiguredBlocklist;
        this.decidedBy = decidedBy;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public Optional<String> replyCode() {
        return diagnostic.replyCode();
    }

    public Optional<String> enhancedStatus() {
        return diagnostic.enhancedStatus();
    }

    public Category category() {
        return category;
    }

    public Basis basis() {
        return basis;
    }

    /**
     * True when the reply reports a transient refusal (a 4xx reply, or network trouble with no
     * code) rather than a final verdict. A give-up is final even when it quotes a 4xx. Whether the
     * reporting server still tries is another question: the report's action (see FailureClassifier).
     */
    public boolean temporary() {
        return temporary;
    }

    public Optional<BlocklistOperator> blocklist() {
        return Optional.ofNullable(blocklist);
    }

    public Optional<String> listedAddress() {
        return Optional.ofNullable(listedAddress);
    }

    /** The operator's page for the listed address; empty when there is none to vouch for. */
    public Optional<String> blocklistUrl() {
        if (blocklist == null || misconfiguredBlocklist) {
            return Optional.empty();
        }
        return blocklist.lookupUrl(listedAddress());
    }

    /** The "listing" shows the recipient's server misusing the list (closed list, error answer). */
    public boolean misconfiguredBlocklist() {
        return misconfiguredBlocklist;
    }

    /**
     * The sending server is refused because a list of domains holds its own host or HELO name
     * (blocklists.tsv other_kind_when): a listing of the server by its name, not its address.
     */
    public boolean serverNameListed() {
        return category == Category.BLOCKLISTED && blocklist != null && !blocklist.listsServers();
    }

    /**
     * A list of domains (blocklists.tsv rows of category spam: the Spamhaus DBL, SURBL, URIBL) holds
     * a domain of the message, in its links or the sender's own: not the sending server, not the
     * words of the email.
     */
    public boolean messageDomainListed() {
        return category == Category.SPAM && blocklist != null && !blocklist.listsServers();
    }

    /**
     * The same reply, as the reason of a recipient it was not about: James keeps one reply for a
     * whole mail, and it named another of the mail's recipients. The category is unknown; the
     * codes and words stay, as evidence for the technical section.
     */
    public Classification forAnotherRecipient() {
        return new Classification(diagnostic, Category.UNKNOWN, Basis.OTHER_RECIPIENT, temporary, null, null, false,
            "the reply names another recipient");
    }

    /** True when the reply this classification read was about another recipient of the mail. */
    public boolean aboutAnotherRecipient() {
        return basis == Basis.OTHER_RECIPIENT;
    }

    /** The group of texts that tells this failure when its words say more than its category (a mail loop). */
    public Optional<String> textVariant() {
        return textVariant.get();
    }

    /** The same failure, final: what the sending server gave up on is over, whatever its cause said. */
    Classification asFinal() {
        return temporary ? new Classification(diagnostic, category, basis, false, blocklist, listedAddress, misconfiguredBlocklist, decidedBy,
            textVariant, adminTold, passedOn) : this;
    }

    /**
     * The same failure told by the texts of {@code group} (a variant of its category's), for what
     * the report says beside the reply: an unknown address reached through a forwarding.
     */
    Classification toldAs(String group) {
        return new Classification(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist, decidedBy,
            () -> Optional.of(group), adminTold, passedOn);
    }

    /** The same failure, of an address the reader wrote that passed the mail on to another, where it failed. */
    Classification passedOnByRecipient() {
        return new Classification(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist, decidedBy,
            textVariant, adminTold, true);
    }

    /** Whether the report says the mail was passed on from the address the reader wrote to another, where it failed. */
    public boolean passedOn() {
        return passedOn;
    }

    /** The same failure, the administrator having been alerted to it (a refusal of this installation itself). */
    public Classification withAdminTold() {
        return new Classification(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist, decidedBy, textVariant,
            true, passedOn);
    }

    /** Whether the administrator has been alerted to this refusal: the explanation then says so. */
    public boolean adminTold() {
        return adminTold;
    }

    /** True when only words that name no reason ("refused", "will be retried") or a bare reply code decided. */
    public boolean weak() {
        return basis == Basis.WEAK_WORDS || basis == Basis.DELAY_WORDS || basis == Basis.REPLY_CODE || basis == Basis.NOTHING;
    }

    /** Which knowledge decided ("reason-patterns.tsv row 12", "enhanced-status-codes.tsv X.1.1"): for tests and admins. */
    public String decidedBy() {
        return decidedBy;
    }

    @Override
    public String toString() {
        return "Classification{" + category + " by " + basis + ", " + diagnostic + ", temporary=" + temporary
            + (blocklist == null ? "" : ", blocklist=" + blocklist.id()) + "}";
    }
}
