package io.maelezo.engine.classify;

/** What maelezo decided about one recipient: what the failure means, and whether the server still tries. */
public final class Verdict {
    private final Classification classification;
    private final Action action;

    public Verdict(Classification classification, Action action) {
        this.classification = classification;
        this.action = action;
    }

    public Classification classification() {
        return classification;
    }

    public Action action() {
        return action;
    }

    @Override
    public String toString() {
        return "Verdict{" + action + ", " + classification + "}";
    }
}
