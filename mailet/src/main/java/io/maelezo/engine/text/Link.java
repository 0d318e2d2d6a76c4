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

    @Override
    public boolean equals(Object other) {
        return other instanceof Link && label.equals(((Link) other).label) && url.equals(((Link) other).url);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + url.hashCode();
    }
}
