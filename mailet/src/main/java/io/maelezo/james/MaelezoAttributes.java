package io.maelezo.james;

import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import io.maelezo.engine.classify.Classification;

/**
 * The mail attributes maelezo sets ({@code maelezo.*}) and the James ones it reads. maelezo's
 * hold only String or Boolean values, so they survive James's distributed mail queue.
 */
final class MaelezoAttributes {
    /** Set by RemoteDelivery: the remote server's reply, or the exception text. */
    static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");
    static final AttributeName DELIVERY_RETRY_COUNT = AttributeName.of("delivery_retry_count");

    static final AttributeName CATEGORY = AttributeName.of("maelezo.category");
    static final AttributeName REPLY_CODE = AttributeName.of("maelezo.reply-code");
    static final AttributeName ENHANCED_STATUS = AttributeName.of("maelezo.enhanced-status");
    static final AttributeName TEMPORARY = AttributeName.of("maelezo.temporary");
    static final AttributeName BLOCKLIST = AttributeName.of("maelezo.blocklist");
    static final AttributeName BLOCKLIST_URL = AttributeName.of("maelezo.blocklist-url");
    static final AttributeName DIAGNOSTIC = AttributeName.of("maelezo.diagnostic");
    static final AttributeName RETRIES = AttributeName.of("maelezo.retries");

    private MaelezoAttributes() {
    }

    /** How many times James tried before giving up, when it says (RemoteDelivery's retry count). */
    static void storeRetries(Mail mail) {
        value(mail, DELIVERY_RETRY_COUNT).filter(Number.class::isInstance)
            .ifPresent(count -> mail.setAttribute(new Attribute(RETRIES, AttributeValue.of(count.toString()))));
    }

    static void store(Mail mail, Classification classification) {
        mail.setAttribute(new Attribute(CATEGORY, AttributeValue.of(classification.category().id())));
        mail.setAttribute(new Attribute(TEMPORARY, AttributeValue.of(classification.temporary())));
        mail.setAttribute(new Attribute(DIAGNOSTIC, AttributeValue.of(classification.diagnostic().text())));
        classification.replyCode().ifPresent(code -> mail.setAttribute(new Attribute(REPLY_CODE, AttributeValue.of(code))));
        classification.enhancedStatus().ifPresent(code -> mail.setAttribute(new Attribute(ENHANCED_STATUS, AttributeValue.of(code))));
        classification.blocklist().ifPresent(operator -> mail.setAttribute(new Attribute(BLOCKLIST, AttributeValue.of(operator.id()))));
        classification.blocklistUrl().ifPresent(url -> mail.setAttribute(new Attribute(BLOCKLIST_URL, AttributeValue.of(url))));
    }

    static Optional<String> string(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(attribute -> attribute.getValue().getValue())
            .filter(String.class::isInstance).map(String.class::cast);
    }

    static Optional<Object> value(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(attribute -> attribute.getValue().getValue());
    }
}
