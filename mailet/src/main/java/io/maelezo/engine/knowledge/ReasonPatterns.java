package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;
import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.match.ReplyText;

/**
 * What the words of a reply say, beyond its codes ({@code reason-patterns.tsv}): for each stage
 * (give-up, strong, weak; {@code decision-order.tsv} says when each is read) an ordered list of
 * patterns, each naming a category. Within a stage the first pattern that matches wins.
 */
public final class ReasonPatterns {
    /** When a pattern's words are read: see decision-order.tsv. */
    public enum Stage {
        GIVE_UP("give-up"), STRONG("strong"), WEAK("weak"), DELAY("delay");

        private final String id;

        Stage(String id) {
            this.id = id;
        }

        public static Stage requireId(String id) {
            for (Stage stage : values()) {
                if (stage.id.equals(id)) {
                    return stage;
                }
            }
            throw new IllegalArgumentException("reason-patterns.tsv: unknown stage '" + id + "'");
        }
    }

    /** Which row of the file matched, and what it says. */
    public final class Match {
        private final Category category;
        private final int row;

        Match(Category category, int row) {
            this.category = category;
            this.row = row;
        }

        public Category category() {
            return category;
        }

        /** The row's line in reason-patterns.tsv, to tell which row decided. */
        public int line() {
            return lines.get(row);
        }
    }

    /** Replies are English or carry their codes in ASCII: ASCII case folding is enough (and fast). */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    private final List<String> patterns;
    private final List<Category> categories;
    private final List<Stage> stages;
    /** The line of each pattern in the file (0 for patterns given in code). */
    private final List<Integer> lines;
    private final Map<Stage, KeywordIndex> indexes = new EnumMap<>(Stage.class);
    /** The give-up patterns, compiled once (a few): see {@link #withoutGiveUp}. */
    private final List<Pattern> giveUps = new ArrayList<>();
    /** For each stage, the file row of each of its patterns. */
    private final Map<Stage, List<Integer>> rows = new EnumMap<>(Stage.class);

    private ReasonPatterns(List<String> patterns, List<Category> categories, List<Stage> stages, List<Integer> lines) {
        this.lines = List.copyOf(lines);
        this.patterns = List.copyOf(patterns);
        this.categories = List.copyOf(categories);
        this.stages = List.copyOf(stages);
        for (Stage stage : Stage.values()) {
            List<String> own = new ArrayList<>();
            List<Integer> ownRows = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (stages.get(i) == stage) {
                    own.add(patterns.get(i));
                    ownRows.add(i);
                }
            }
            indexes.put(stage, new KeywordIndex(own, FLAGS));
            if (stage == Stage.GIVE_UP) {
                for (String regex : own) {
                    giveUps.add(Pattern.compile(regex, FLAGS));
                }
            }
            rows.put(stage, List.copyOf(ownRows));
        }
    }

    /** A pattern cell that names a group of text-variants.tsv: the row decides by that group's words. */
    static final String VARIANT_WORDS = "text-variants.tsv:";

    public static ReasonPatterns load() {
        List<String> patterns = new ArrayList<>();
        List<Category> categories = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, String> variantWords = TextVariants.patternsByGroup();
        for (Map<String, String> row : TsvTable.load("reason-patterns.tsv").rows()) {
            String pattern = row.get("pattern");
            if (pattern.startsWith(VARIANT_WORDS)) {
                String group = pattern.substring(VARIANT_WORDS.length());
                pattern = Optional.ofNullable(variantWords.get(group)).orElseThrow(
                    () -> new IllegalArgumentException("reason-patterns.tsv: text-variants.tsv has no group '" + group + "'"));
            }
            patterns.add(pattern);
            categories.add(Category.requireId(row.get("category")));
            stages.add(Stage.requireId(row.get("stage")));
            lines.add(Integer.parseInt(row.get(TsvTable.LINE)));
        }
        return new ReasonPatterns(patterns, categories, stages, lines);
    }

    /** These patterns first among the strong words, then the shipped ones (a site's own wording; the benchmarks' many patterns). */
    public ReasonPatterns withLeadingPatterns(List<String> regexes, Category category) {
        List<String> allPatterns = new ArrayList<>(regexes);
        List<Category> allCategories = new ArrayList<>();
        List<Stage> allStages = new ArrayList<>();
        List<Integer> allLines = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            allCategories.add(category);
            allStages.add(Stage.STRONG);
            allLines.add(0);
        }
        allPatterns.addAll(patterns);
        allCategories.addAll(categories);
        allStages.addAll(stages);
        allLines.addAll(lines);
        return new ReasonPatterns(allPatterns, allCategories, allStages, allLines);
    }

    /** The first pattern of this stage that matches; e-mail addresses in the text are not read. */
    public Optional<Match> match(Stage stage, ReplyText words) {
        int first = indexes.get(stage).firstMatching(words.withoutAddresses());
        if (first < 0) {
            return Optional.empty();
        }
        int row = rows.get(stage).get(first);
        return Optional.of(new Match(categories.get(row), row));
    }

    /** The text with what the give-up patterns match blanked out: a give-up's own words name no cause ("retry timeout"). */
    public String withoutGiveUp(String text) {
        String rest = text;
        for (Pattern giveUp : giveUps) {
            rest = giveUp.matcher(rest).replaceAll(" ");
        }
        return rest;
    }

    /** The line of each pattern in reason-patterns.tsv. */
    public List<Integer> lines() {
        return lines;
    }

    public int size() {
        return patterns.size();
    }
}
