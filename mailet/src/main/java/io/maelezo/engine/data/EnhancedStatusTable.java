package io.maelezo.engine.data;

import java.util.HashMap;
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
        Map<String, Category> categories = new HashMap<>();
        for (Map<String, String> row : TsvTable.load("enhanced-status-codes.tsv").rows()) {
            categories.put(row.get("code"), Category.requireId(row.get("category")));
        }
        return new EnhancedStatusTable(Map.copyOf(categories));
    }

    /** The category for {@code 5.1.1}; for an unregistered detail, its subject's category; empty for X.0.0. */
    public Optional<Category> category(String enhancedStatus) {
        String generic = "X" + enhancedStatus.substring(enhancedStatus.indexOf('.'));
        Category exact = categories.get(generic);
        if (exact != null) {
            return Optional.of(exact);
        }
        String subject = generic.substring(0, generic.lastIndexOf('.')) + ".*";
        return Optional.ofNullable(categories.get(subject));
    }
}
