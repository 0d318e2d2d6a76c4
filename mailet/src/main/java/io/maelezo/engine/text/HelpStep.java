package io.maelezo.engine.text;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.help.HelpMail;
import io.maelezo.engine.help.SupportContact;

/**
 * The "ask for help" step as one tap: with an address as {@code supportContact}, a {@code mailto:}
 * link whose mail is prepared ({@code support.mail.subject} and {@code .body}: {@link HelpMail}); with
 * a phone number, a {@code tel:} link. Per bounce (it names the recipients and the date), never kept
 * with a reason's words.
 */
final class HelpStep {
    private final Texts texts;
    private final Optional<SupportContact> contact;

    HelpStep(Texts texts, Optional<SupportContact> contact) {
        this.texts = texts;
        this.contact = contact;
    }

    /** A date in a prepared mail: numbers only, with its time zone. */
    private static final DateTimeFormatter NOTICE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'", Locale.ROOT);

    /**
     * What tapping the "ask for help" step opens: a mail to the support address that names the
     * recipients, the date and the codes (never the remote server's words), or a call.
     */
    Optional<String> uri(Language language, Classification classification, List<String> recipients, Action action,
                         Supplier<ZonedDateTime> noticeDate) {
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        SupportContact support = contact.get();
        if (support.kind() == SupportContact.Kind.PHONE) {
            return Optional.of(support.telUri());
        }
        if (support.kind() != SupportContact.Kind.MAIL) {
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("date", NOTICE_DATE.format(noticeDate.get()));
        String codes = (classification.replyCode().orElse("") + " " + classification.enhancedStatus().orElse("")).trim();
        if (!codes.isEmpty()) {
            values.put("codes", codes);
        }
        if (action == Action.DELAYED) {
            values.put("delayed", true);
        }
        return HelpMail.uri(support.written(),
            named -> texts.render(language, "support.mail.subject", with(values, "recipients", ExplanationWriter.listed(recipients, named)))
                .orElse("").replaceAll("[\\r\\n]+", " "),
            named -> texts.render(language, "support.mail.body", with(values, "recipients", ExplanationWriter.listed(recipients, named))).orElse(""),
            recipients.size());
    }

    private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        Map<String, Object> more = new HashMap<>(values);
        more.put(name, value);
        return more;
    }
}
