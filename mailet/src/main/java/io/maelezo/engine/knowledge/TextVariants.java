package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;

/**
 * Which texts tell a reply whose words say more than its category ({@code text-variants.tsv}): a
 * mail loop is a network fault, but not one that sending again later mends.
 */
public final class TextVariants {
    private final List<Set<Category>> categories;
    private final List<String> groups;
    private final List<Pattern> patterns;

    private TextVariants(List<Set<Category>> categories, List<String> groups, List<Pattern> patterns) {
        this.categories = categories;
        this.groups = groups;
        this.patterns = patterns;
    }

    public static TextVariants load() {
        List<Set<Category>> categories = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("text-variants.tsv").rows()) {
            Set<Category> these = EnumSet.noneOf(Category.class);
            for (String id : row.get("categories").split(",")) {
                these.add(Category.requireId(id.trim()));
            }
            categories.add(these);
            groups.add(row.get("group"));
            patterns.add(Pattern.compile(row.get("pattern"), Pattern.CASE_INSENSITIVE));
        }
        return new TextVariants(List.copyOf(categories), List.copyOf(groups), List.copyOf(patterns));
    }

    /** The group of texts for a reply of this category with these words, when it is not the category's own. */
    public Optional<String> group(Category category, String words) {
        for (int i = 0; i < patterns.size(); i++) {
            if (categories.get(i).contains(category) && patterns.get(i).matcher(words).find()) {
                return Optional.of(groups.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every group this file names: each needs its texts in every language. */
    public Set<String> groups() {
        return new LinkedHashSet<>(groups);
    }
}
