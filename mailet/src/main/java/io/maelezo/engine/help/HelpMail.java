package io.maelezo.engine.help;

import java.util.Optional;
import java.util.function.IntFunction;

import com.google.common.escape.Escaper;
import com.google.common.net.PercentEscaper;

/**
 * The {@code mailto:} link of the "ask for help" step (RFC 6068): the admin's address, with a
 * subject and a body the person sends as they are. At most {@link #MAX_LENGTH} characters, which
 * every mail client and browser opens: when the recipients make it longer, fewer are named.
 */
public final class HelpMail {
    public static final int MAX_LENGTH = 2000;
    /** The words name at most this many recipients, as the explanation does. */
    static final int MAX_NAMED = 10;
    /** RFC 3986's unreserved characters stay; everything else is %XX of its UTF-8 bytes (a space is %20, never +). */
    private static final Escaper FIELD = new PercentEscaper("-_.~", false);
    /** In the address: also {@code @} and the sub-delimiters an addr-spec may hold, but for {@code ?}, {@code &} and {@code %}. */
    private static final Escaper ADDRESS = new PercentEscaper("-_.~@!$'()*+,;=", false);

    private HelpMail() {
    }

    /**
     * @param subject    the subject, naming at most this many recipients
     * @param body       the body, the same
     * @param recipients how many recipients the words could name
     * @return the link, or empty when even one named recipient makes it too long
     */
    public static Optional<String> uri(String address, IntFunction<String> subject, IntFunction<String> body, int recipients) {
        for (int named = Math.max(1, Math.min(recipients, MAX_NAMED)); named >= 1; named--) {
            String uri = "mailto:" + ADDRESS.escape(address) + "?subject=" + FIELD.escape(subject.apply(named))
                + "&body=" + FIELD.escape(body.apply(named).replace("\r\n", "\n").replace("\n", "\r\n"));
            if (uri.length() <= MAX_LENGTH) {
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }
}
