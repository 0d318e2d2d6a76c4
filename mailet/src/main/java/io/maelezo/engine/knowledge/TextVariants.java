package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.maelezo.engine.Category;
import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.match.ReplyText;

/**
 * Which texts tell a reply whose words say more than its category ({@code text-variants.tsv}): a
 * mail loop is a network fault, but not one that sending again later mends.
 */
public final class TextVariants {
    private final List<Set<Category>> categories;
    private final List<String> groups;
    /** The patterns, looked for the way the reason patterns are (their literal starts first). */
    private final KeywordIndex patterns;

    private TextVariants(List<Set<Category>> categories, List<String> groups, List<String> patterns) {
        this.categories = categories;
        this.groups = groups;
        this.patterns = new KeywordIndex(patterns);
    }

    public static TextVariants load() {
        List<Set<Category>> categories = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("text-variants.tsv").rows()) {
            Set<Category> these = EnumSet.noneOf(Category.class);
            for (String id : row.get("categories").split(",")) {
                these.add(Category.requireId(id.trim()));
            }
            categories.add(these);
            groups.add(row.get("group"));
            patterns.add(row.get("pattern"));
        }
        return new TextVariants(List.copyOf(categories), List.copyOf(groups), List.copyOf(patterns));
    }

    /**
     * The group of texts for a reply of this category with these words, when it is not the
     * category's own; e-mail addresses in the words are not read.
     */
    public Optional<String> group(Category category, ReplyText words) {
        if (categories.stream().noneMatch(these -> these.contains(category))) {
            return Optional.empty();
        }
        BitSet matching = patterns.matching(words.withoutAddresses());
        for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
            if (categories.get(i).contains(category)) {
                return Optional.of(groups.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The words of each group, for a reason-patterns.tsv row that decides its category by the same
     * words ({@code text-variants.tsv:GROUP} in its pattern column): one list of words, not two.
     */
    static Map<String, String> patternsByGroup() {
        Map<String, String> byGroup = new HashMap<>();
        for (Map<String, String> row : TsvTable.load("text-variants.tsv").rows()) {
            byGroup.putIfAbsent(row.get("group"), row.get("pattern"));
        }
        return byGroup;
    }

    /** Every group this file names: each needs its texts in every language. */
    public Set<String> groups() {
        return new LinkedHashSet<>(groups);
    }
}
