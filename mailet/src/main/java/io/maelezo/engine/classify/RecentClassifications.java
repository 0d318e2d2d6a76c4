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

    /** What a reply means: the same as {@link Classifier#classify}. */
    public Classification classify(String reply) {
        if (reply.length() > LONGEST_KEPT) {
            return classifier.classify(reply);
        }
        Classification classification = kept.getIfPresent(reply);
        if (classification == null) {
            classification = classifier.classify(reply);
            kept.put(reply, classification);
        }
        return classification;
    }
}
