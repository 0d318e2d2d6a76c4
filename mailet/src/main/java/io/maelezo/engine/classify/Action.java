package io.maelezo.engine.classify;

/**
 * Whether the reporting server still tries to deliver to a recipient (RFC 3464 {@code Action:}):
 * {@code failed} (it stopped) or {@code delayed} (it keeps trying by itself). The report says
 * it, not the reply: a delayed recipient's category is the cause of the delay.
 */
public enum Action {
    FAILED("failed"), DELAYED("delayed");

    private final String id;

    Action(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
