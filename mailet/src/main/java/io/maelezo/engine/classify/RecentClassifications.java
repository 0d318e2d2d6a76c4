package io.maelezo.engine.classify;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * The classifier, with the replies it classified lately kept: a burst of bounces (a blocklisting
 * bounces thousands of mails in minutes) repeats one reply word for word, and inside James the
 * same reply is classified twice per bounce (for the failed mail, then for its DSN). Bounded in
 * number and in the length of the replies kept. Safe for any number of threads.
 */
public final class RecentClassifications {
    private static final int KEPT = 256;
    private static final int LONGEST_KEPT = 2_000;

    private final Classifier classifier;
    private final Cache<String, Classification> kept = CacheBuilder.newBuilder().maximumSize(KEPT).build();

    public RecentClassifications(Classifier classifier) {
        this.classifier = classifier;
    }

    /** What a reply means: the same as {@link Classifier#classify(String)}. */
    public Classification classify(String reply) {
        return classify(reply, null);
    }

    /** What a reply means, with the status a report gave beside it: the same as {@link Classifier#classify(String, String)}. */
    public Classification classify(String reply, String reportedStatus) {
        if (reply.length() > LONGEST_KEPT) {
            return classifier.classify(reply, reportedStatus);
        }
        String key = reportedStatus == null ? reply : reportedStatus + '\u0000' + reply;
        Classification classification = kept.getIfPresent(key);
        if (classification == null) {
            classification = classifier.classify(reply, reportedStatus);
            kept.put(key, classification);
        }
        return classification;
    }
}
