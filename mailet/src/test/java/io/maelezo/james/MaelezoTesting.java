package io.maelezo.james;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;

import io.maelezo.engine.classify.Classifier;

/** The mailets as James builds them, for tests in other packages. */
public final class MaelezoTesting {
    private static final Classifier CLASSIFIER = Classifier.standard();

    private MaelezoTesting() {
    }

    public static DecorateBounce decorateBounce(MailetConfig config) throws MessagingException {
        DecorateBounce mailet = new DecorateBounce(CLASSIFIER);
        mailet.init(config);
        return mailet;
    }
}
