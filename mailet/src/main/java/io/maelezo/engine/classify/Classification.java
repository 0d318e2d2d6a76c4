package io.maelezo.engine.classify;

import java.util.Optional;

import io.maelezo.engine.Category;
import io.maelezo.engine.data.BlocklistOperator;
import io.maelezo.engine.parse.Diagnostic;

/** What maelezo understood of one failure: the codes, the category and, for a listing, the blocklist. */
public final class Classification {
    /** What decided the category. */
    public enum Basis {
        VENDOR_CODE, BLOCKLIST_OPERATOR, WORDS, ENHANCED_STATUS, REPLY_CODE, NOTHING
    }

    private final Diagnostic diagnostic;
    private final Category category;
    private final Basis basis;
    private final boolean temporary;
    private final BlocklistOperator blocklist;
    private final String listedAddress;
    private final boolean misconfiguredBlocklist;

    public Classification(Diagnostic diagnostic, Category category, Basis basis, boolean temporary, BlocklistOperator blocklist,
                          String listedAddress, boolean misconfiguredBlocklist) {
        this.diagnostic = diagnostic;
        this.category = category;
        this.basis = basis;
        this.temporary = temporary;
        this.blocklist = blocklist;
        this.listedAddress = listedAddress;
        this.misconfiguredBlocklist = misconfiguredBlocklist;
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

    /** True when trying again later may work (a 4xx reply, or network trouble with no code). */
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

    /** The same failure, judged temporary or not by someone who knows better (James's own verdict). */
    public Classification withTemporary(boolean temporary) {
        return new Classification(diagnostic, category, basis, temporary, blocklist, listedAddress, misconfiguredBlocklist);
    }

    @Override
    public String toString() {
        return "Classification{" + category + " by " + basis + ", " + diagnostic + ", temporary=" + temporary
            + (blocklist == null ? "" : ", blocklist=" + blocklist.id()) + "}";
    }
}
