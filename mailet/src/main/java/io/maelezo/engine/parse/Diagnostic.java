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

    /**
     * The class of the failure, 4 or 5: the reply code's, else the enhanced status code's; 0 when
     * neither says (none, or only a 2xx: a server that said goodbye refuses nothing).
     */
    public int failureClass() {
        if (replyCode != null && replyCode.charAt(0) != '2') {
            return replyCode.charAt(0) - '0';
        }
        if (enhancedStatus != null && enhancedStatus.charAt(0) != '2') {
            return enhancedStatus.charAt(0) - '0';
        }
        return 0;
    }

    @Override
    public String toString() {
        return "Diagnostic{" + replyCode + ", " + enhancedStatus + ", '" + text + "'}";
    }
}
