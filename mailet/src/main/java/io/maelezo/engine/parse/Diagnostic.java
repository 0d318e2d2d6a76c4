package io.maelezo.engine.parse;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server said about one failed delivery: the reply code ({@code 550}), the enhanced
 * status code ({@code 5.7.1}) when present, and the server's own words, cleaned of control
 * characters and bounded in length (they come from a remote server and are untrusted).
 */
public final class Diagnostic {
    private final String replyCode;
    private final String enhancedStatus;
    private final String text;

    public Diagnostic(String replyCode, String enhancedStatus, String text) {
        this.replyCode = replyCode;
        this.enhancedStatus = enhancedStatus;
        this.text = Objects.requireNonNull(text);
    }

    public Optional<String> replyCode() {
        return Optional.ofNullable(replyCode);
    }

    public Optional<String> enhancedStatus() {
        return Optional.ofNullable(enhancedStatus);
    }

    /** The remote server's words, one line, safe to quote (no control characters, bounded). */
    public String text() {
        return text;
    }

    /** 2, 4 or 5 from the reply code, else from the enhanced status code; 0 when neither is known. */
    public int replyClass() {
        if (replyCode != null) {
            return replyCode.charAt(0) - '0';
        }
        if (enhancedStatus != null) {
            return enhancedStatus.charAt(0) - '0';
        }
        return 0;
    }

    @Override
    public String toString() {
        return "Diagnostic{" + replyCode + ", " + enhancedStatus + ", '" + text + "'}";
    }
}
