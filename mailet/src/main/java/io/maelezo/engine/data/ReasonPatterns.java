package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;

/**
 * What the words of a reply say, beyond its codes ({@code reason-patterns.tsv}): an ordered list
 * of patterns, each naming a category. The first pattern that matches wins, so the file is
 * ordered from the most specific reason (a virus, a blocklist, spam) to the most general.
 */
public final class ReasonPatterns {
    private final List<Pattern> patterns;
    private final List<Category> categories;

    private ReasonPatterns(List<Pattern> patterns, List<Category> categories) {
        this.patterns = List.copyOf(patterns);
        this.categories = List.copyOf(categories);
    }

    public static ReasonPatterns load() {
        List<Pattern> patterns = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("reason-patterns.tsv").rows()) {
            patterns.add(Pattern.compile(row.get("pattern"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            categories.add(Category.requireId(row.get("category")));
        }
        return new ReasonPatterns(patterns, categories);
    }

    public Optional<Category> match(String words) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(words).find()) {
                return Optional.of(categories.get(i));
            }
        }
        return Optional.empty();
    }

    public int size() {
        return patterns.size();
    }
}
