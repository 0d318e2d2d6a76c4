package io.maelezo.engine.classify;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.maelezo.engine.Category;
import io.maelezo.engine.data.BlocklistCatalog;
import io.maelezo.engine.data.BlocklistOperator;
import io.maelezo.engine.data.EnhancedStatusTable;
import io.maelezo.engine.data.ReasonPatterns;
import io.maelezo.engine.data.ReplyCodeTable;
import io.maelezo.engine.data.VendorCodes;
import io.maelezo.engine.data.Words;
import io.maelezo.engine.parse.Diagnostic;
import io.maelezo.engine.parse.DiagnosticParser;

/**
 * Decides what a failure means. The words of a reply beat its bare codes:
 * <ol>
 *   <li>a provider's own code ({@code vendor-codes.tsv}: Microsoft 5.7.606, S3150, Yahoo TSS04, ...);</li>
 *   <li>a blocklist operator named in the reply ({@code blocklists.tsv});</li>
 *   <li>the reason the words give ({@code reason-patterns.tsv}, first match wins);</li>
 *   <li>the enhanced status code ({@code enhanced-status-codes.tsv});</li>
 *   <li>the reply code ({@code reply-codes.tsv});</li>
 *   <li>else {@code unknown}.</li>
 * </ol>
 * A 4xx reply is temporary whatever its words say; a failure with no code at all is temporary
 * when it is network trouble.
 */
public class Classifier {
    private static final Set<Category> TEMPORARY_WITHOUT_CODE = EnumSet.of(Category.NETWORK, Category.GREYLISTED, Category.RATE_LIMITED);

    private final DiagnosticParser parser;
    private final BlocklistCatalog blocklists;
    private final ReasonPatterns reasons;
    private final EnhancedStatusTable enhancedStatuses;
    private final ReplyCodeTable replyCodes;
    private final VendorCodes vendorCodes;

    public Classifier(DiagnosticParser parser, VendorCodes vendorCodes, BlocklistCatalog blocklists, ReasonPatterns reasons,
                      EnhancedStatusTable enhancedStatuses, ReplyCodeTable replyCodes) {
        this.parser = parser;
        this.vendorCodes = vendorCodes;
        this.blocklists = blocklists;
        this.reasons = reasons;
        this.enhancedStatuses = enhancedStatuses;
        this.replyCodes = replyCodes;
    }

    /** The classifier with the knowledge shipped in the jar. */
    public static Classifier standard() {
        return new Classifier(new DiagnosticParser(), VendorCodes.load(), BlocklistCatalog.load(), ReasonPatterns.load(),
            EnhancedStatusTable.load(), ReplyCodeTable.load());
    }

    public BlocklistCatalog blocklists() {
        return blocklists;
    }

    public Classification classify(String reply) {
        Diagnostic parsed = parser.parse(reply);
        Words replyWords = Words.of(parsed.text());
        Optional<VendorCodes.Entry> vendor = vendorCodes.match(replyWords);
        Optional<BlocklistOperator> operator = vendor.isPresent()
            ? vendor.flatMap(VendorCodes.Entry::blocklist).flatMap(blocklists::byId)
            : blocklists.find(replyWords);
        Diagnostic diagnostic = operator
            .map(found -> new Diagnostic(parsed.replyCode().orElse(null), parsed.enhancedStatus().orElse(null), found.redact(replyWords)))
            .orElse(parsed);
        Optional<Category> byWords = operator.isPresent() || vendor.isPresent() ? Optional.empty() : reasons.match(replyWords);
        Optional<Category> byEnhanced = diagnostic.enhancedStatus().flatMap(enhancedStatuses::category).filter(c -> c != Category.UNKNOWN);
        Optional<Category> byReply = diagnostic.replyCode().flatMap(replyCodes::category).filter(c -> c != Category.UNKNOWN);
        Category category;
        Classification.Basis basis;
        if (vendor.isPresent()) {
            category = vendor.get().category();
            basis = Classification.Basis.VENDOR_CODE;
        } else if (operator.isPresent()) {
            category = Category.BLOCKLISTED;
            basis = Classification.Basis.BLOCKLIST_OPERATOR;
        } else if (byWords.isPresent()) {
            category = byWords.get();
            basis = Classification.Basis.WORDS;
        } else if (byEnhanced.isPresent()) {
            category = byEnhanced.get();
            basis = Classification.Basis.ENHANCED_STATUS;
        } else if (byReply.isPresent()) {
            category = byReply.get();
            basis = Classification.Basis.REPLY_CODE;
        } else {
            category = Category.UNKNOWN;
            basis = Classification.Basis.NOTHING;
        }
        boolean temporary = isTemporary(diagnostic, category);
        return new Classification(diagnostic, category, basis, temporary,
            operator.orElse(null),
            operator.flatMap(found -> BlocklistCatalog.listedAddress(diagnostic.text())).orElse(null),
            operator.map(found -> found.meansMisconfiguredServer(replyWords)).orElse(false));
    }

    private static boolean isTemporary(Diagnostic diagnostic, Category category) {
        int replyClass = diagnostic.replyClass();
        if (replyClass != 0) {
            return replyClass == 4;
        }
        return TEMPORARY_WITHOUT_CODE.contains(category);
    }
}
