package io.maelezo.report;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import io.maelezo.engine.Engine;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.engine.text.BounceView;
import io.maelezo.engine.text.Explanation;
import io.maelezo.engine.text.ExplanationWriter;
import io.maelezo.engine.text.Language;
import io.maelezo.engine.text.TechnicalRow;

/**
 * What a person reads first in every bounce maelezo explains, whether it rewrites another
 * server's bounce ({@link BounceDecorator}) or writes James's own ({@link DeliveryReportWriter}):
 * one explanation per reason, naming the recipients that failed for it, in the engine's languages;
 * the technical details of each recipient; the part that holds them (text and HTML); the subject;
 * and maelezo's marker.
 */
final class ExplanationPart {
    /** Marks a bounce maelezo explained already: explaining it again changes nothing. */
    static final String MARKER_HEADER = "X-Maelezo";
    /** The reader's own subject is untrusted: one line (cleaned), at most this long, RFC 2047-encoded by setSubject. */
    private static final int MAX_SUBJECT = 200;
    /** DSNBounce writes "Re: subject"; the person reads "Barua pepe haikufika: subject". */
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?:re\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    private final Engine engine;
    /** The Content-Language of every explanation: the engine's languages, main one first. */
    private final String languageTags;

    ExplanationPart(Engine engine) {
        this.engine = engine;
        this.languageTags = engine.languages().stream().map(Language::tag).collect(Collectors.joining(", "));
    }

    /**
     * The explanations of these failures, for each of the engine's languages (main one first):
     * one for each reason, naming the recipients that failed for it. Loops, not streams, on this
     * path: it runs for every bounce James delivers.
     *
     * @param noticeDate when the notice was written (the date a prepared "ask for help" mail names; read only for it)
     */
    List<List<Explanation>> explanations(Map<Failure, Classification> classified, Supplier<Instant> noticeDate) {
        Map<ReasonKey, Classification> reasons = new LinkedHashMap<>();
        Map<ReasonKey, List<String>> recipientsByReason = new LinkedHashMap<>();
        classified.forEach((failure, classification) -> {
            ReasonKey reason = new ReasonKey(classification, failure.delayed());
            reasons.putIfAbsent(reason, classification);
            List<String> recipients = recipientsByReason.computeIfAbsent(reason, key -> new ArrayList<>());
            if (!failure.recipient().isEmpty()) {
                recipients.add(failure.recipient());
            }
        });
        List<List<Explanation>> languages = new ArrayList<>();
        for (Language language : engine.languages()) {
            List<Explanation> explanations = new ArrayList<>();
            reasons.forEach((reason, classification) -> explanations.add(engine.explain(language, classification,
                recipientsByReason.get(reason), reason.delayed ? Action.DELAYED : Action.FAILED, noticeDate)));
            languages.add(explanations);
        }
        return languages;
    }

    List<TechnicalRow> technicalRows(Map<Failure, Classification> classified) {
        Language main = engine.settings().language();
        List<TechnicalRow> rows = new ArrayList<>();
        classified.forEach((failure, classification) -> rows.add(new TechnicalRow(
            // The address the reader wrote, and, passed on to another, the one that failed (the report's Final-Recipient).
            (failure.recipient().isEmpty() ? "?" : DiagnosticParser.clean(failure.recipient()))
                + failure.forwardedTo().map(to -> " → " + DiagnosticParser.clean(to)).orElse(""),
            classification.replyCode().map(code -> engine.texts().require(main, "technical.code-meaning",
                Map.of("code", code, "meaning", engine.codeMeaning(main, code)))).orElse(null),
            classification.enhancedStatus().orElse(null),
            ExplanationWriter.reasonGroup(classification)
                + classification.blocklist().map(operator -> " (" + operator.name() + ")").orElse("")
                + (failure.delayed() ? ", delayed" : ""),
            classification.diagnostic().text(),
            failure.willRetryUntil().map(until -> RETRY_UNTIL.format(until.atZone(engine.settings().timeZone()))).orElse(null))));
        return rows;
    }

    /** A date in the technical section: numbers only (read the same in both languages), with its time zone. */
    private static final DateTimeFormatter RETRY_UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'", Locale.ROOT);

    /** The explanation as the part a bounce opens with: text and HTML, in the engine's languages. */
    MimeBodyPart part(BounceView view) throws MessagingException, IOException {
        MimeBodyPart text = EncodedPart.text("plain", engine.renderer().text(view));
        MimeBodyPart html = EncodedPart.text("html", engine.renderer().html(view));
        MimeBodyPart explanation = new MimeBodyPart();
        MultipartContent.set(explanation, new MimeMultipart("alternative", text, html));
        explanation.setHeader("Content-Language", languageTags);
        return explanation;
    }

    /** The subject a person reads: "Barua pepe haikufika: " and the subject of the mail that failed. */
    String subject(String originalSubject, boolean delayed) {
        Language main = engine.languages().get(0);
        String prefix = engine.texts().require(main, delayed ? "subject.prefix.temporary" : "subject.prefix", Map.of());
        return Optional.ofNullable(originalSubject).map(DiagnosticParser::clean)
            .map(s -> REPLY_PREFIX.matcher(s).replaceFirst("")).filter(s -> !s.isEmpty())
            .map(ExplanationPart::bounded)
            .map(s -> prefix + ": " + s).orElse(prefix);
    }

    private static String bounded(String subject) {
        if (subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        int end = Character.isHighSurrogate(subject.charAt(MAX_SUBJECT - 1)) ? MAX_SUBJECT - 1 : MAX_SUBJECT;
        return subject.substring(0, end) + "…";
    }

    /** The headers every explained bounce carries: its languages, and maelezo's marker. */
    void mark(MimeMessage message) throws MessagingException {
        message.setHeader("Content-Language", languageTags);
        message.setHeader(MARKER_HEADER, "explained");
    }

    /** Recipients that failed for the same reason share one explanation. */
    private static final class ReasonKey {
        private final String category;
        private final String replyCode;
        private final String enhancedStatus;
        private final String blocklist;
        private final boolean temporary;
        private final boolean aboutAnotherRecipient;
        private final boolean adminTold;
        private final boolean passedOn;
        /** A delayed recipient is told "not yet", a failed one "not delivered": never one text for both. */
        final boolean delayed;

        ReasonKey(Classification classification, boolean delayed) {
            this.delayed = delayed;
            this.category = ExplanationWriter.reasonGroup(classification); // the texts that tell it, a variant included
            this.replyCode = classification.replyCode().orElse("");
            this.enhancedStatus = classification.enhancedStatus().orElse("");
            this.blocklist = classification.blocklist().map(operator -> operator.id()).orElse("");
            this.temporary = classification.temporary();
            this.aboutAnotherRecipient = classification.aboutAnotherRecipient();
            this.adminTold = classification.adminTold();
            this.passedOn = classification.passedOn();
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ReasonKey)) {
                return false;
            }
            ReasonKey that = (ReasonKey) other;
            return category.equals(that.category) && replyCode.equals(that.replyCode)
                && enhancedStatus.equals(that.enhancedStatus) && blocklist.equals(that.blocklist) && temporary == that.temporary
                && aboutAnotherRecipient == that.aboutAnotherRecipient && delayed == that.delayed && adminTold == that.adminTold
                && passedOn == that.passedOn;
        }

        @Override
        public int hashCode() {
            return Objects.hash(category, replyCode, enhancedStatus, blocklist, temporary, aboutAnotherRecipient, delayed, adminTold, passedOn);
        }
    }
}
