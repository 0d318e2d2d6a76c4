package io.maelezo.bench;

import java.lang.reflect.Proxy;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
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
                        sending.send((Mail) args[0]);
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
}
