package io.maelezo.james;

import java.util.function.Predicate;

import org.apache.james.core.Domain;
import org.apache.mailet.MailetContext;

/** Whether a name is one of the domains James serves (its DomainList, through the mailet context). */
final class JamesDomains {
    private JamesDomains() {
    }

    static Predicate<String> of(MailetContext context) {
        return name -> {
            try {
                return context.isLocalServer(Domain.of(name));
            } catch (RuntimeException e) {
                return false; // not a domain name
            }
        };
    }
}
