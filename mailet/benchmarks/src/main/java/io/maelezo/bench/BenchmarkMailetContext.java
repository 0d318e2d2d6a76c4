package io.maelezo.bench;

import java.lang.reflect.Proxy;
import java.util.Collection;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.MailetContext;

/**
 * The mailet context the benchmarks give DSNBounce and maelezo's mailets: what happens to a mail
 * sent is the benchmark's to say; the rest is answered with what DSNBounce needs (a postmaster,
 * nothing local, a server name).
 */
final class BenchmarkMailetContext {
    /** What a benchmark does with a mail a mailet sends. */
    interface Sending {
        void send(Mail mail) throws Exception;
    }

    private BenchmarkMailetContext() {
    }

    static MailetContext sendingTo(Sending sending) throws Exception {
        MailAddress postmaster = new MailAddress("postmaster@maelezo.test");
        return (MailetContext) Proxy.newProxyInstance(MailetContext.class.getClassLoader(), new Class<?>[] {MailetContext.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "sendMail":
                        sending.send(args[0] instanceof Mail ? (Mail) args[0] : newMail(args));
                        return null;
                    case "getPostmaster":
                        return postmaster;
                    case "isLocalServer":
                    case "isLocalEmail":
                        return false;
                    case "getServerInfo":
                        return "maelezo benchmark";
                    default:
                        return method.getReturnType() == boolean.class ? false : null;
                }
            });
    }

    /** {@code sendMail(sender, recipients, message)} as James's mailet context does it: a new mail, the message copied into it. */
    @SuppressWarnings("unchecked")
    private static Mail newMail(Object[] args) throws Exception {
        return MailImpl.builder().name(MailImpl.getId()).sender((MailAddress) args[0])
            .addRecipients((Collection<MailAddress>) args[1]).mimeMessage((MimeMessage) args[2]).build();
    }
}
