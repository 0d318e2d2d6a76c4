package io.maelezo.james;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.engine.help.ForgedBounceCheck;
import io.maelezo.engine.help.OwnHosts;
import io.maelezo.report.BounceDecorator;
import io.maelezo.report.BounceReader;
import io.maelezo.report.Decoration;

/**
 * The DSN decorator: puts the plain explanation first in a bounce (see {@link BounceDecorator}).
 * Use it with the {@link IsBounce} matcher early in {@code transport}, where it sees every bounce
 * once: James's own (DSNBounce sends them to {@code root}) and those of other servers.
 *
 * <p>Every parameter, with its default (an empty one takes its default); a wrong value, or a
 * parameter it does not know, stops James at start-up with a message that names it:
 * <pre><code>
 * &lt;mailet match="io.maelezo.james.IsBounce" class="io.maelezo.james.DecorateBounce"&gt;
 *   &lt;language&gt;sw&lt;/language&gt;             &lt;!-- sw or en: the language the explanation starts in --&gt;
 *   &lt;bilingual&gt;true&lt;/bilingual&gt;         &lt;!-- true: the other language follows --&gt;
 *   &lt;supportContact&gt;&lt;/supportContact&gt;   &lt;!-- an address, a phone number or an https:// page: none --&gt;
 *   &lt;textsDirectory&gt;&lt;/textsDirectory&gt;   &lt;!-- a folder with your own maelezo_sw/en.properties: the shipped texts --&gt;
 *   &lt;repairStatus&gt;true&lt;/repairStatus&gt;   &lt;!-- repair the malformed Status: field of James 3.8's DSNs --&gt;
 *   &lt;timeZone&gt;&lt;/timeZone&gt;               &lt;!-- of the dates a notice shows, e.g. Africa/Dar_es_Salaam: the JVM's --&gt;
 *   &lt;mailDomainsFile&gt;&lt;/mailDomainsFile&gt; &lt;!-- your own well-known mail domains for "did you mean ...?", one per line: the shipped ones only --&gt;
 *   &lt;ownHosts&gt;&lt;/ownHosts&gt;               &lt;!-- this installation's sending hosts, names and IP addresses, comma-separated: the host's own name and public addresses, and James's domains --&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 * A bounce that cannot be explained is delivered unchanged and logged (WARN); nothing is dropped.
 * A bounce to James's own users whose returned original never passed through one of {@code ownHosts}
 * (no Received line of theirs, a Message-ID of none of James's domains) opens with "you probably did
 * not send this" ({@link ForgedBounceCheck}).
 */
public class DecorateBounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(DecorateBounce.class);

    private final RecentClassifications classifications;
    private BounceDecorator decorator;

    private final MaelezoMetrics metrics;

    @Inject
    public DecorateBounce(RecentClassifications classifications, MaelezoMetrics metrics) {
        this.classifications = classifications;
        this.metrics = metrics;
    }

    /** Outside James (tests): counters of its own. */
    public DecorateBounce(RecentClassifications classifications) {
        this(classifications, MaelezoMetrics.none());
    }

    /** The parameters it takes: the sample above names exactly these (MailetSamplesTest). */
    static final String OWN_HOSTS = "ownHosts";
    static final Set<String> PARAMETERS = Stream.concat(Settings.NAMES.stream(), Stream.of(OWN_HOSTS)).collect(Collectors.toUnmodifiableSet());

    @Override
    public void init() throws MessagingException {
        checkInitParameters(PARAMETERS);
        try {
            decorator = new BounceDecorator(Engine.configured(this::getInitParameter, classifications), BounceReader.load(),
                Optional.of(forgedBounceCheck(getInitParameter(OWN_HOSTS))));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("DecorateBounce: " + e.getMessage(), e);
        }
    }

    /**
     * This installation's hosts: the admin's list, else this machine's name and public addresses and
     * the domains James serves (through its DomainList); its domains, for the Message-ID: James's.
     */
    private ForgedBounceCheck forgedBounceCheck(String ownHosts) {
        Predicate<String> jamesDomain = JamesDomains.of(getMailetContext());
        Predicate<String> ownHost = ownHosts == null || ownHosts.isBlank()
            ? OwnHosts.thisMachine().or(jamesDomain) : OwnHosts.parse(ownHosts);
        return new ForgedBounceCheck(ownHost, jamesDomain);
    }

    /** Whether every recipient of the bounce is one of James's users (only their bounces may be told as forged). */
    private boolean toLocalUsers(Mail mail) {
        MailetContext context = getMailetContext();
        return !mail.getRecipients().isEmpty() && mail.getRecipients().stream().allMatch(context::isLocalEmail);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        try {
            Optional<String> knownReply = MaelezoAttributes.string(mail, MaelezoAttributes.DIAGNOSTIC);
            Decoration decoration = decorator.decorate(mail.getMessage(), knownReply, toLocalUsers(mail));
            if (decoration.message().isPresent()) {
                mail.setMessage(decoration.message().get());
                metrics.explained(decoration.categories());
                LOGGER.info("maelezo: explained bounce {} ({})", mail.getName(), decoration.reason());
            } else {
                metrics.unchanged();
                LOGGER.debug("maelezo: left mail {} unchanged: {}", mail.getName(), decoration.reason());
            }
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            metrics.unchanged();
            LOGGER.warn("maelezo: could not explain bounce {}; it is delivered unchanged ({})", mail.getName(), Failures.describe(t));
            LOGGER.debug("maelezo: what failed on bounce {}", mail.getName(), t);
        }
    }

    @Override
    public String getMailetInfo() {
        return "maelezo: explain a bounce in plain Swahili";
    }
}
