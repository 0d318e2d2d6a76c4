package io.maelezo.engine.knowledge;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.maelezo.engine.Category;

/**
 * The SMTP reply codes we know by number ({@code reply-codes.tsv}: every code of the seed
 * document, meanings after RFC 5321 and RFC 7504) and the category each one suggests when the
 * server's words say nothing more specific. What each code means, in words, is in the texts
 * ({@code code.NNN}); what each digit means is there too ({@code digit.N.D}). A few codes
 * (534, 535) are more specific than the enhanced codes their {@code before_status} names (X.7) and
 * decide before them (step specific-reply-code of {@code decision-order.tsv}).
 */
public final class ReplyCodeTable {
    private final Map<String, Category> categories;
    /** Reply code to the subject ("X.7") of the enhanced codes it outranks. */
    private final Map<String, String> beforeStatus;

    private ReplyCodeTable(Map<String, Category> categories, Map<String, String> beforeStatus) {
        this.categories = categories;
        this.beforeStatus = beforeStatus;
    }

    public static ReplyCodeTable load() {
        Map<String, Category> categories = new HashMap<>();
        Map<String, String> beforeStatus = new HashMap<>();
        for (Map<String, String> row : TsvTable.load("reply-codes.tsv").rows()) {
            categories.put(row.get("code"), Category.requireId(row.get("category")));
            String before = row.get("before_status");
            if (!"-".equals(before) && !before.matches("X\\.\\d{1,3}")) {
                throw new IllegalArgumentException("reply-codes.tsv: before_status of " + row.get("code") + " is neither - nor X.n: " + before);
            }
            if (!"-".equals(before)) {
                beforeStatus.put(row.get("code"), before.substring(1) + ".");
            }
        }
        return new ReplyCodeTable(Map.copyOf(categories), Map.copyOf(beforeStatus));
    }

    public Optional<Category> category(String replyCode) {
        return Optional.ofNullable(categories.get(replyCode));
    }

    /**
     * The category of a reply code that decides before the enhanced code beside it (534, 535 with
     * none or an X.7 code), if it is one.
     *
     * @param enhancedStatus the reply's enhanced code ("5.7.1"), or null
     */
    public Optional<Category> beforeStatus(String replyCode, String enhancedStatus) {
        String subject = beforeStatus.get(replyCode);
        if (subject == null || enhancedStatus != null && !enhancedStatus.substring(1).startsWith(subject)) {
            return Optional.empty();
        }
        return category(replyCode);
    }

    public Set<String> codes() {
        return categories.keySet();
    }
}
