package io.maelezo.engine.text;

import java.util.List;

import io.maelezo.engine.classify.Action;

/** One reason a delivery failed, explained in one language for the people it concerns. */
public final class Explanation {
    private final Language language;
    private final Action action;
    private final String recipientsLabel;
    private final List<String> recipients;
    private final String headline;
    private final List<String> whatHappened;
    private final List<String> steps;
    private final List<Link> links;

    public Explanation(Language language, Action action, List<String> recipients,
                       String recipientsLabel, String headline, List<String> whatHappened, List<String> steps, List<Link> links) {
        this.language = language;
        this.action = action;
        this.recipientsLabel = recipientsLabel;
        this.recipients = List.copyOf(recipients);
        this.headline = headline;
        this.whatHappened = List.copyOf(whatHappened);
        this.steps = List.copyOf(steps);
        this.links = List.copyOf(links);
    }

    public Language language() {
        return language;
    }

    public List<String> recipients() {
        return recipients;
    }

    /** Whether the reporting server still tries (a delay notice) or has stopped. */
    public Action action() {
        return action;
    }

    /** What stands before the recipients: "Barua yako haikufika kwa:", or "... bado haijafika kwa:" for a delay. */
    public String recipientsLabel() {
        return recipientsLabel;
    }

    /** One line: what happened, for the top of the bounce. */
    public String headline() {
        return headline;
    }

    /** "Nini kilitokea?": what happened, whose side it is on, temporary or not. */
    public List<String> whatHappened() {
        return whatHappened;
    }

    /** "Ufanye nini sasa?": what to do, in order. */
    public List<String> steps() {
        return steps;
    }

    /** Pages maelezo vouches for (operator lookup pages, the support page). */
    public List<Link> links() {
        return links;
    }
}
