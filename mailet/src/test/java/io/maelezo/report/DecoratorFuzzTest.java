package io.maelezo.report;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.maelezo.engine.Category;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.classify.Classifier;
import io.maelezo.engine.parse.DiagnosticParser;
import io.maelezo.james.MaelezoTesting;

/**
 * Fuzz targets (Jazzer). The property everywhere: no exception escapes, and what comes out is
 * either the input unchanged or a valid report that keeps the original parts. Without JAZZER_FUZZ
 * they replay the committed inputs of DecoratorFuzzTestInputs/; .ci/run fuzzes each for a minute.
 */
class DecoratorFuzzTest {
    private static final Classifier CLASSIFIER = Classifier.standard();
    private static final Session SESSION = Session.getInstance(new Properties());

    @FuzzTest(maxDuration = "60s")
    void classifier(FuzzedDataProvider data) {
        String reply = data.consumeRemainingAsString();
        Classification classification = CLASSIFIER.classify(reply);
        if (classification.category() == null) {
            throw new AssertionError("no category for: " + reply);
        }
        // A 2xx refuses nothing: then the enhanced status or the words say (Classifier). A give-up is
        // final even when it quotes a 4xx ("451 4.7.1 retry timeout exceeded").
        boolean gaveUp = classification.category() == Category.EXPIRED || classification.decidedBy().startsWith("give-up");
        Optional<String> code = classification.replyCode().filter(replyCode -> !replyCode.startsWith("2"));
        if (code.isPresent() && !gaveUp && classification.temporary() != code.get().startsWith("4")) {
            throw new AssertionError("a 4xx and only a 4xx reply code is temporary: " + reply);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void deliveryStatus(byte[] content) {
        DeliveryStatus status = DeliveryStatus.parse(content);
        int recipients = status.recipients().size();
        status.repairedStatus(new DiagnosticParser()).ifPresent(repaired -> {
            if (DeliveryStatus.parse(repaired).recipients().size() != recipients) {
                throw new AssertionError("repairing the Status changed the recipients");
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void decorateBounce(byte[] bytes) throws Exception {
        MimeMessage message;
        FakeMail mail;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
            mail = FakeMail.builder().name("fuzz").sender(MaybeSender.nullSender()).recipient("amina@maelezo.test")
                .mimeMessage(message).build();
        } catch (MessagingException | RuntimeException e) {
            return; // James would not have accepted this message in the first place
        }
        MaelezoTesting.decorateBounce(FakeMailetConfig.builder().mailetName("DecorateBounce").build()).service(mail);
        if (mail.getMessage() != message) {
            OriginalParts.assertKept(bytes, mail.getMessage(), "fuzz input");
        }
    }
}
