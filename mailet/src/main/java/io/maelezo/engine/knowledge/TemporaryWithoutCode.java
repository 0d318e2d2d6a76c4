package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;
import io.maelezo.engine.match.ReplyText;

/**
 * When a reply with no code at all is temporary ({@code temporary-without-code.tsv}): never when
 * its words say the mail was returned for good (a mail loop); else by its category, by words
 * that say the sending server will retry, or by the words of a stage of {@code reason-patterns.tsv}
 * (the delay words: "deferred", "this is a warning message only").
 */
public final class TemporaryWithoutCode {
    private final Set<Category> categories;
    private final List<Pattern> words;
    private final List<Pattern> finalWords;
    private final ReasonPatterns reasons;
    private final List<ReasonPatterns.Stage> stages;

    private TemporaryWithoutCode(Set<Category> categories, List<Pattern> words, List<Pattern> finalWords, ReasonPatterns reasons,
                                 List<ReasonPatterns.Stage> stages) {
        this.categories = categories;
        this.words = words;
        this.finalWords = finalWords;
        this.reasons = reasons;
        this.stages = stages;
    }

    /** @param reasons the reason patterns whose stages the rows of kind {@code stage} name */
    public static TemporaryWithoutCode load(ReasonPatterns reasons) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        List<Pattern> words = new ArrayList<>();
        List<Pattern> finalWords = new ArrayList<>();
        List<ReasonPatterns.Stage> stages = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("temporary-without-code.tsv").rows()) {
            switch (row.get("kind")) {
                case "category":
                    categories.add(Category.requireId(row.get("value")));
                    break;
                case "words":
                    words.add(Pattern.compile(row.get("value"), Pattern.CASE_INSENSITIVE));
                    break;
                case "stage":
                    stages.add(ReasonPatterns.Stage.requireId(row.get("value")));
                    break;
                case "final-words":
                    finalWords.add(Pattern.compile(row.get("value"), Pattern.CASE_INSENSITIVE));
                    break;
                default:
                    throw new IllegalArgumentException("temporary-without-code.tsv: unknown kind '" + row.get("kind") + "'");
            }
        }
        return new TemporaryWithoutCode(categories, List.copyOf(words), List.copyOf(finalWords), reasons, List.copyOf(stages));
    }

    /** Whether a reply without any code, of this category and with these words, is temporary. */
    public boolean temporary(Category category, ReplyText reply) {
        String text = reply.folded();
        boolean temporary = categories.contains(category);
        for (int i = 0; i < words.size() && !temporary; i++) {
            temporary = words.get(i).matcher(text).find();
        }
        for (int i = 0; i < stages.size() && !temporary; i++) {
            temporary = reasons.match(stages.get(i), reply).isPresent();
        }
        return temporary && !saysFinal(reply);
    }

    /** Whether the words say the failure is final (final-words): a mail loop, a domain that takes no mail. */
    public boolean saysFinal(ReplyText reply) {
        String text = reply.folded();
        for (Pattern finalWord : finalWords) {
            if (finalWord.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
