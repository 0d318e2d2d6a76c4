package io.maelezo.engine.alert;

import io.maelezo.engine.classify.Classification;

/**
 * Sees each failed recipient of this installation's own deliveries as its bounce is written: a
 * refusal of the installation itself is counted and may alert the postmaster (James:
 * {@code PostmasterAlerts}); the answer says whether the postmaster has been told of it.
 */
public interface RefusalWatch {
    RefusalWatch NONE = (failure, recipient, sender) -> false;

    /**
     * @param recipient the recipient whose server refused
     * @param sender    the sender of the mail that failed
     * @return whether the administrator has been alerted to this refusal (the reader's bounce then says so)
     */
    boolean seen(Classification failure, String recipient, String sender);
}
