package io.maelezo.engine.text;

/** A link maelezo vouches for: an operator page from the data file, or the admin's support page. */
public final class Link {
    private final String label;
    private final String url;

    public Link(String label, String url) {
        this.label = label;
        this.url = url;
    }

    public String label() {
        return label;
    }

    public String url() {
        return url;
    }
}
