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
    private final int helpStep;
    private final String helpUri;
    private final List<String> suggestions;

    /**
     * @param suggestions "Je, ulimaanisha ...?" lines, said first (a domain that does not exist, close to a well-known one)
     * @param helpStep the step that asks for help and is a link in HTML ({@code helpUri}: {@code mailto:} or {@code tel:}), or -1
     */
    public Explanation(Language language, Action action, List<String> recipients,
                       String recipientsLabel, String headline, List<String> whatHappened, List<String> steps, List<Link> links,
                       int helpStep, String helpUri, List<String> suggestions) {
        this.language = language;
        this.action = action;
        this.recipientsLabel = recipientsLabel;
        this.recipients = List.copyOf(recipients);
        this.headline = headline;
        this.whatHappened = List.copyOf(whatHappened);
        this.steps = List.copyOf(steps);
        this.links = List.copyOf(links);
        this.helpStep = helpUri == null ? -1 : helpStep;
        this.helpUri = helpUri;
        this.suggestions = List.copyOf(suggestions);
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

    /** The step that is one tap to ask for help (HTML), or -1. */
    public int helpStep() {
        return helpStep;
    }

    /** What that step opens: a prepared mail ({@code mailto:}) or a call ({@code tel:}); null when none. */
    public String helpUri() {
        return helpUri;
    }

    /** "Je, ulimaanisha asha@gmail.com? ...": said first, one per recipient a correction is known for. */
    public List<String> suggestions() {
        return suggestions;
    }
}
