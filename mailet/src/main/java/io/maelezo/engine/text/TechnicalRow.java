package io.maelezo.engine.text;

/**
 * One recipient in the technical section: for an administrator or a support desk. Every value
 * but the category may be remote text (untrusted): the templates escape it in HTML, and the
 * remote words are also made inert there (no web address in them becomes a link).
 */
public final class TechnicalRow {
    final String recipient;
    /** The reply code with its meaning ("550 (…)"), or null when the reply had none. */
    final String replyCode;
    /** The enhanced status code, or null. */
    final String enhancedStatus;
    /** maelezo's reason group, the operator if any, and ", delayed" for a delayed recipient. */
    final String category;
    final String remoteWords;
    /** For a delayed recipient, until when the reporting server says it keeps trying, in the installation's time zone; or null. */
    final String retryUntil;

    public TechnicalRow(String recipient, String replyCode, String enhancedStatus, String category, String remoteWords) {
        this(recipient, replyCode, enhancedStatus, category, remoteWords, null);
    }

    public TechnicalRow(String recipient, String replyCode, String enhancedStatus, String category, String remoteWords,
                        String retryUntil) {
        this.recipient = recipient;
        this.replyCode = replyCode;
        this.enhancedStatus = enhancedStatus;
        this.category = category;
        this.remoteWords = remoteWords;
        this.retryUntil = retryUntil;
    }

    /** The remote words for HTML: escaped, their web addresses not links. */
    String remoteWordsHtml() {
        return BounceRenderer.inert(remoteWords);
    }
}
