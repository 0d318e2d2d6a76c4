package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which the classifier's steps decide ({@code decision-order.tsv}): the one place
 * that says it. Every step must be listed exactly once.
 */
public final class DecisionOrder {
    /** One way of deciding what a reply means; the file names them. */
    public enum Step {
        GIVE_UP("give-up"),
        PROVIDER_CODE("provider-code"),
        OPERATOR("operator"),
        STRONG_WORDS("strong-words"),
        SPECIFIC_REPLY_CODE("specific-reply-code"),
        SPECIFIC_STATUS("specific-status"),
        WEAK_WORDS("weak-words"),
        DELAY_WORDS("delay-words"),
        STATUS_CLASS("status-class"),
        REPLY_CODE("reply-code");

        private final String id;

        Step(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Step requireId(String id) {
            for (Step step : values()) {
                if (step.id.equals(id)) {
                    return step;
                }
            }
            throw new IllegalArgumentException("decision-order.tsv: unknown step '" + id + "'");
        }
    }

    private DecisionOrder() {
    }

    /** The steps in the order the file gives; an unknown, missing or repeated step is an error in the data. */
    public static List<Step> load() {
        return of(TsvTable.load("decision-order.tsv").rows());
    }

    static List<Step> of(List<Map<String, String>> rows) {
        List<Step> order = new ArrayList<>();
        Set<Step> seen = EnumSet.noneOf(Step.class);
        for (Map<String, String> row : rows) {
            Step step = Step.requireId(row.get("step"));
            if (!seen.add(step)) {
                throw new IllegalArgumentException("decision-order.tsv: step '" + step.id() + "' is listed twice");
            }
            order.add(step);
        }
        Set<Step> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("decision-order.tsv: steps missing: " + missing);
        }
        return List.copyOf(order);
    }
}
