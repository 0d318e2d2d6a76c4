package io.maelezo.engine.classify;

import java.util.Locale;
import java.util.Optional;

import io.maelezo.engine.Category;

/**
 * The one decision about one recipient, for the mailets, the decorator and the command line
 * alike. The order (what a reply means is decided by {@link Classifier}, in the order of
 * {@code decision-order.tsv}):
 * <ol>
 *   <li>What the sending server recorded for the whole mail (James keeps one reply, whichever
 *       recipient it was about): when it names one of the mail's recipients ({@code <addr>},
 *       {@code addr:}) and not this one, it is another recipient's reason, and this recipient's
 *       is not known ({@link Classification#aboutAnotherRecipient()}); else it is this one's.</li>
 *   <li>Else the reply about this recipient, with the report's {@code Status:} when the reply
 *       carries no enhanced status code of its own.</li>
 *   <li>Else, when that says nothing or only weakly (words that name no reason, a bare reply code) and
 *       this is the bounce's only recipient, the bounce's own words, if they say more; and when it
 *       says only that the delivery expired, the cause the bounce's words name, still final.</li>
 * </ol>
 * The action (failed or delayed) is the report's; a delayed recipient's category is its cause. An
 * unknown address the report says the mail was passed on to, from the one the reader wrote, is told
 * by the texts of a broken forwarding, not of a misspelling; any other reason of such an address is
 * told with a note that it arose where the mail was passed on to ({@link Classification#passedOn()}).
 */
public final class FailureClassifier {
    private final RecentClassifications classifications;

    public FailureClassifier(RecentClassifications classifications) {
        this.classifications = classifications;
    }

    public Verdict decide(FailureEvidence evidence) {
        Classification classification = classify(evidence);
        if (evidence.forwarded() && !classification.aboutAnotherRecipient()) {
            // The address the reader wrote was passed on, and the one it led to is unknown: not a misspelling of theirs.
            // Any other reason arose there too: the reader is told so (the recipient's forwarding may be part of it).
            classification = classification.category() == Category.MAILBOX_UNKNOWN
                ? classification.toldAs(FORWARDED_TO_UNKNOWN) : classification.passedOnByRecipient();
        }
        return new Verdict(classification, evidence.action());
    }

    /** The texts (text-variants.tsv) of an unknown address reached through a forwarding. */
    static final String FORWARDED_TO_UNKNOWN = "mailbox-unknown-forwarded";

    private Classification classify(FailureEvidence evidence) {
        Optional<String> sendersReply = evidence.sendersReply();
        if (sendersReply.isPresent()) {
            Classification classification = classifications.classify(sendersReply.get(), null);
            if (!names(sendersReply.get(), evidence.recipient()) && namesAnyOf(sendersReply.get(), evidence)) {
                return classification.forAnotherRecipient();
            }
            return classification;
        }
        Classification classification = classifications.classify(evidence.reply(), evidence.reportedStatus().orElse(null));
        boolean expiredWithoutCause = classification.category() == Category.EXPIRED;
        if ((classification.weak() || expiredWithoutCause) && evidence.otherRecipients().isEmpty() && evidence.bounceWords().isPresent()) {
            Classification fromWholeText = classifications.classify(evidence.bounceWords().get(), null);
            if (expiredWithoutCause) {
                // A give-up (or a bare 4.4.7) whose cause the bounce's text names: that cause, still final.
                if (!fromWholeText.weak() && fromWholeText.category() != Category.EXPIRED) {
                    return fromWholeText.asFinal();
                }
            } else if (classification.basis() == Classification.Basis.NOTHING ? fromWholeText.basis() != Classification.Basis.NOTHING
                : !fromWholeText.weak()) {
                return fromWholeText;
            }
        }
        return classification;
    }

    private static boolean namesAnyOf(String reply, FailureEvidence evidence) {
        for (String other : evidence.otherRecipients()) {
            if (names(reply, other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the reply names this address as a whole ({@code <a@b>}, {@code a@b:}, {@code a@b...}),
     * in any case; not inside a longer address ({@code xa@b.org} does not name {@code a@b}).
     */
    static boolean names(String reply, String address) {
        if (address.isEmpty() || address.indexOf('@') < 0) {
            return false;
        }
        String text = reply.toLowerCase(Locale.ROOT);
        String wanted = address.toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
            int end = at + wanted.length();
            boolean startsClean = at == 0 || !partOfAddress(text.charAt(at - 1));
            int after = end;
            while (after < text.length() && text.charAt(after) == '.') {
                after++; // the end of a sentence, or Sendmail's "addr... User unknown"
            }
            boolean endsClean = after == text.length() || !partOfAddress(text.charAt(after));
            if (startsClean && endsClean) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfAddress(char c) {
        return Character.isLetterOrDigit(c) || "._%+-@".indexOf(c) >= 0;
    }
}
