package io.maelezo.engine.classify;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.common.base.Suppliers;

import io.maelezo.engine.Category;
import io.maelezo.engine.knowledge.BlocklistCatalog;
import io.maelezo.engine.knowledge.BlocklistOperator;
import io.maelezo.engine.knowledge.DecisionOrder;
import io.maelezo.engine.knowledge.EnhancedStatusTable;
import io.maelezo.engine.knowledge.ReasonPatterns;
import io.maelezo.engine.knowledge.ReplyCodeTable;
import io.maelezo.engine.knowledge.TemporaryWithoutCode;
import io.maelezo.engine.knowledge.TextVariants;
import io.maelezo.engine.knowledge.VendorCodes;
import io.maelezo.engine.match.ReplyText;
import io.maelezo.engine.parse.Diagnostic;
import io.maelezo.engine.parse.DiagnosticParser;

/**
 * Decides what one reply means. The steps run in the order {@code decision-order.tsv} gives
 * (the one place that says it, with the reasons); the first step that finds something decides
 * the category. Whether the reply is temporary is decided apart: a give-up is final; else a 4xx
 * code is temporary and a 5xx final; with no code (or only a 2xx), {@code temporary-without-code.tsv} says.
 */
public class Classifier {
    /** The steps that may name the cause of a give-up (its words and a provider's code, not the standard codes it quotes). */
    private static final Set<DecisionOrder.Step> CAUSE_OF_A_GIVE_UP = EnumSet.of(DecisionOrder.Step.PROVIDER_CODE,
        DecisionOrder.Step.OPERATOR, DecisionOrder.Step.STRONG_WORDS);
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    private final DiagnosticParser parser;
    private final BlocklistCatalog blocklists;
    private final ReasonPatterns reasons;
    private final EnhancedStatusTable enhancedStatuses;
    private final ReplyCodeTable replyCodes;
    private final VendorCodes vendorCodes;
    private final List<DecisionOrder.Step> order;
    private final TemporaryWithoutCode temporaryWithoutCode;
    private final TextVariants textVariants = TextVariants.load();

    public Classifier(DiagnosticParser parser, VendorCodes vendorCodes, BlocklistCatalog blocklists, ReasonPatterns reasons,
                      EnhancedStatusTable enhancedStatuses, ReplyCodeTable replyCodes) {
        this.parser = parser;
        this.vendorCodes = vendorCodes;
        this.blocklists = blocklists;
        this.reasons = reasons;
        this.enhancedStatuses = enhancedStatuses;
        this.replyCodes = replyCodes;
        this.order = DecisionOrder.load();
        this.temporaryWithoutCode = TemporaryWithoutCode.load(reasons);
    }

    /** The classifier with the knowledge shipped in the jar. */
    public static Classifier standard() {
        return new Classifier(new DiagnosticParser(), VendorCodes.load(), BlocklistCatalog.load(), ReasonPatterns.load(),
            EnhancedStatusTable.load(), ReplyCodeTable.load());
    }

    /** What one step found: a category, what decided it, and the operator for a listing. */
    private static final class Found {
        final Category category;
        final Classification.Basis basis;
        final String decidedBy;
        final BlocklistOperator operator;

        Found(Category category, Classification.Basis basis, String decidedBy, BlocklistOperator operator) {
            this.category = category;
            this.basis = basis;
            this.decidedBy = decidedBy;
            this.operator = operator;
        }
    }

    public Classification classify(String reply) {
        return classify(reply, null);
    }

    /**
     * @param reportedStatus the enhanced status code a report gave beside the reply ({@code Status:}),
     *                       read when the reply has none of its own; may be null
     */
    public Classification classify(String reply, String reportedStatus) {
        Diagnostic diagnostic = parser.parse(reply);
        if (diagnostic.enhancedStatus().isEmpty() && reportedStatus != null && STATUS.matcher(reportedStatus.trim()).matches()) {
            diagnostic = new Diagnostic(diagnostic.replyCode().orElse(null), reportedStatus.trim(), diagnostic.text());
        }
        ReplyText words = ReplyText.of(DiagnosticParser.joinedLines(diagnostic));
        ReplyText reading = words;
        // The operator a reply names is looked up once: by its step, and again below to report it.
        Supplier<Optional<BlocklistOperator>> named = Suppliers.memoize(() -> blocklists.find(words));
        Found found = null;
        boolean gaveUp = false;
        for (DecisionOrder.Step step : order) {
            ReplyText now = reading;
            Found here = decide(step, diagnostic, now, now == words ? named : () -> blocklists.find(now));
            if (here == null) {
                continue;
            }
            if (step == DecisionOrder.Step.GIVE_UP) {
                // Final whatever follows; the category is the cause when the rest of the reply names one.
                gaveUp = true;
                found = here;
                reading = ReplyText.of(reasons.withoutGiveUp(words.text()));
                continue;
            }
            if (gaveUp && !CAUSE_OF_A_GIVE_UP.contains(step)) {
                break;
            }
            found = gaveUp ? new Found(here.category, here.basis, "give-up, cause: " + here.decidedBy, here.operator) : here;
            break;
        }
        Found decided = found != null ? found : new Found(Category.UNKNOWN, Classification.Basis.NOTHING, "nothing", null);
        // An operator of the decided kind named in the reply is reported (and its secrets redacted) whatever step decided.
        BlocklistOperator operator = decided.operator;
        if (operator == null && !gaveUp) {
            operator = named.get().filter(listed -> listed.categoryOf(words) == decided.category).orElse(null);
        }
        if (operator != null) {
            diagnostic = new Diagnostic(diagnostic.replyCode().orElse(null), diagnostic.enhancedStatus().orElse(null), operator.redact(words));
        }
        // A "listing" that shows the recipient's server misusing the list: what blocklists.tsv says it means.
        Optional<Category> misused = operator == null ? Optional.empty() : blocklists.misconfiguredCategory(operator, words);
        boolean misconfigured = misused.isPresent();
        Category category = misused.orElse(decided.category);
        boolean temporary = !gaveUp && isTemporary(diagnostic, words, category);
        String listed = operator != null && operator.listsServers() ? BlocklistCatalog.listedAddress(diagnostic.text()).orElse(null) : null;
        return new Classification(diagnostic, category, decided.basis, temporary, operator, listed, misconfigured, decided.decidedBy,
            Suppliers.memoize(() -> textVariants.group(category, words)));
    }

    private Found decide(DecisionOrder.Step step, Diagnostic diagnostic, ReplyText words, Supplier<Optional<BlocklistOperator>> named) {
        switch (step) {
            case GIVE_UP:
                return words(ReasonPatterns.Stage.GIVE_UP, words, Classification.Basis.GIVE_UP);
            case PROVIDER_CODE:
                return vendorCodes.match(words).map(entry -> new Found(entry.category(), Classification.Basis.VENDOR_CODE,
                    "vendor-codes.tsv line " + entry.line(), entry.blocklist().flatMap(blocklists::byId).orElse(null))).orElse(null);
            case OPERATOR:
                return named.get().map(operator -> new Found(operator.categoryOf(words), Classification.Basis.BLOCKLIST_OPERATOR,
                    "blocklists.tsv " + operator.id(), operator)).orElse(null);
            case STRONG_WORDS:
                return words(ReasonPatterns.Stage.STRONG, words, Classification.Basis.WORDS);
            case WEAK_WORDS:
                return words(ReasonPatterns.Stage.WEAK, words, Classification.Basis.WEAK_WORDS);
            case DELAY_WORDS:
                return words(ReasonPatterns.Stage.DELAY, words, Classification.Basis.DELAY_WORDS);
            case SPECIFIC_REPLY_CODE:
                return diagnostic.replyCode().flatMap(code -> replyCodes.beforeStatus(code, diagnostic.enhancedStatus().orElse(null))
                    .map(category -> new Found(category, Classification.Basis.SPECIFIC_REPLY_CODE, "reply-codes.tsv " + code + " (before status)", null)))
                    .orElse(null);
            case SPECIFIC_STATUS:
                return diagnostic.enhancedStatus().flatMap(status -> enhancedStatuses.specific(status)
                    .map(category -> new Found(category, Classification.Basis.ENHANCED_STATUS, "enhanced-status-codes.tsv " + status, null)))
                    .orElse(null);
            case STATUS_CLASS:
                return diagnostic.enhancedStatus().flatMap(status -> enhancedStatuses.ofClass(status)
                    .filter(category -> category != Category.UNKNOWN)
                    .map(category -> new Found(category, Classification.Basis.ENHANCED_STATUS, "enhanced-status-codes.tsv class of " + status, null)))
                    .orElse(null);
            case REPLY_CODE:
                return diagnostic.replyCode().flatMap(code -> replyCodes.category(code).filter(category -> category != Category.UNKNOWN)
                    .map(category -> new Found(category, Classification.Basis.REPLY_CODE, "reply-codes.tsv " + code, null)))
                    .orElse(null);
            default:
                throw new IllegalStateException("no implementation for step " + step);
        }
    }

    private Found words(ReasonPatterns.Stage stage, ReplyText words, Classification.Basis basis) {
        return reasons.match(stage, words).map(match -> new Found(match.category(), basis,
            "reason-patterns.tsv line " + match.line(), null)).orElse(null);
    }

    private boolean isTemporary(Diagnostic diagnostic, ReplyText words, Category category) {
        int failureClass = diagnostic.failureClass();
        if (failureClass == 4 && diagnostic.replyCode().isEmpty() && temporaryWithoutCode.saysFinal(words)) {
            // A 4.x.x status with no server's reply code is the reporter's own class for its own
            // finding: Gmail reports "DNS type 'mx' lookup of X responded with code NXDOMAIN" as
            // 4.0.0 and gives up at once. Words that say the failure is final decide.
            return false;
        }
        if (failureClass != 0) {
            return failureClass == 4;
        }
        return temporaryWithoutCode.temporary(category, words);
    }
}
