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
    /** Replies are English or carry their codes in ASCII: ASCII case folding is enough (and fast). */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** The regexes, in file order; the keyword index checks and compiles them. */
    private final List<String> patterns;
    private final List<Category> categories;
    private final KeywordIndex index;

    private ReasonPatterns(List<String> patterns, List<Category> categories) {
        this.patterns = List.copyOf(patterns);
        this.categories = List.copyOf(categories);
        this.index = new KeywordIndex(this.patterns, FLAGS);
    }

    public static ReasonPatterns load() {
        List<String> patterns = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("reason-patterns.tsv").rows()) {
            patterns.add(row.get("pattern"));
            categories.add(Category.requireId(row.get("category")));
        }
        return new ReasonPatterns(patterns, categories);
    }

    /** These patterns first, then the shipped ones (a site's own wording; the benchmarks' many patterns). */
    public ReasonPatterns withLeadingPatterns(List<String> regexes, Category category) {
        List<String> allPatterns = new ArrayList<>();
        List<Category> allCategories = new ArrayList<>();
        for (String regex : regexes) {
            allPatterns.add(regex);
            allCategories.add(category);
        }
        allPatterns.addAll(patterns);
        allCategories.addAll(categories);
        return new ReasonPatterns(allPatterns, allCategories);
    }

    public Optional<Category> match(String words) {
        return match(Words.of(words));
    }

    /** The category of the first pattern that matches; e-mail addresses in the text are not read. */
    public Optional<Category> match(Words words) {
        int first = index.firstMatching(words.withoutAddresses());
        return first < 0 ? Optional.empty() : Optional.of(categories.get(first));
    }

    public int size() {
        return patterns.size();
    }
}
