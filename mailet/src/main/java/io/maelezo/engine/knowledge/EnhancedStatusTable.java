package io.maelezo.engine.knowledge;

import java.util.Map;
import java.util.Optional;

import io.maelezo.engine.Category;

/**
 * Enhanced status codes ({@code enhanced-status-codes.tsv}): every entry of the IANA "SMTP
 * Enhanced Status Codes" registry, written {@code X.subject.detail}, with the category each
 * suggests, and one {@code X.subject.*} row per subject for details the registry does not know.
 */
public final class EnhancedStatusTable {
    private final Map<String, Category> categories;

    private EnhancedStatusTable(Map<String, Category> categories) {
        this.categories = categories;
    }

    public static EnhancedStatusTable load() {
        return new EnhancedStatusTable(TsvTable.categoriesByCode("enhanced-status-codes.tsv"));
    }

    /**
     * The category of a registered code ({@code 5.1.1}); empty for an unregistered detail and for
     * the "other or undefined" details X.n.0, which say no more than their subject.
     */
    public Optional<Category> specific(String enhancedStatus) {
        String generic = generic(enhancedStatus);
        if (generic.endsWith(".0")) {
            return Optional.empty(); // "other or undefined": no more than the subject says
        }
        return Optional.ofNullable(categories.get(generic)).filter(category -> category != Category.UNKNOWN);
    }

    /** The category of the code's subject alone: its X.n.0 row, or {@code X.7.*} for a detail the registry does not know. */
    public Optional<Category> ofClass(String enhancedStatus) {
        String generic = generic(enhancedStatus);
        if (generic.endsWith(".0")) {
            return Optional.ofNullable(categories.get(generic));
        }
        if (categories.containsKey(generic)) {
            return Optional.empty();
        }
        return Optional.ofNullable(categories.get(generic.substring(0, generic.lastIndexOf('.')) + ".*"));
    }

    private static String generic(String enhancedStatus) {
        return "X" + enhancedStatus.substring(enhancedStatus.indexOf('.'));
    }
}
