package io.maelezo.engine.knowledge;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.maelezo.engine.Category;

/**
 * The SMTP reply codes we know by number ({@code reply-codes.tsv}: every code of the seed
 * document, meanings after RFC 5321 and RFC 7504) and the category each one suggests when the
 * server's words say nothing more specific. What each code means, in words, is in the texts
 * ({@code code.NNN}); what each digit means is there too ({@code digit.N.D}).
 */
public final class ReplyCodeTable {
    private final Map<String, Category> categories;

    private ReplyCodeTable(Map<String, Category> categories) {
        this.categories = categories;
    }

    public static ReplyCodeTable load() {
        return new ReplyCodeTable(TsvTable.categoriesByCode("reply-codes.tsv"));
    }

    public Optional<Category> category(String replyCode) {
        return Optional.ofNullable(categories.get(replyCode));
    }

    public Set<String> codes() {
        return categories.keySet();
    }
}
