package io.maelezo.james;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

import io.maelezo.engine.Engine;
import io.maelezo.engine.Settings;
import io.maelezo.engine.classify.RecentClassifications;
import io.maelezo.report.Decoration;
import io.maelezo.report.DeliveryReportWriter;
import io.maelezo.report.FailedDelivery;

/**
 * For the {@code bounces} processor, in front of {@code DSNBounce}: sends the sender of a mail
 * that could not be delivered the explained bounce, written in one go (see
 * {@link DeliveryReportWriter}), and ends the mail's way, as DSNBounce with {@code passThrough}
 * false does. It does the work of DSNBounce and {@link DecorateBounce} together, at about the cost
 * of DSNBounce alone.
 *
 * <p>A mail it cannot bounce (no sender to answer, or a failure of its own, logged as WARN) goes
 * on unchanged to the next mailet: keep DSNBounce right after it, so that such a mail still gets
 * James's own bounce (which {@link DecorateBounce} then explains if it can). Nothing is dropped,
 * and nothing is bounced twice.
 *
 * <p>Every parameter, with its default (an empty one takes its default): those of
 * {@link DecorateBounce}, and as DSNBounce's. A wrong value, or a parameter it does not know, stops
 * James at start-up with a message that names it:
 * <pre><code>
 * &lt;mailet match="All" class="io.maelezo.james.ExplainedDSNBounce"&gt;
 *   &lt;language&gt;sw&lt;/language&gt;             &lt;!-- sw or en: the language the explanation starts in --&gt;
 *   &lt;bilingual&gt;true&lt;/bilingual&gt;         &lt;!-- true: the other language follows --&gt;
 *   &lt;supportContact&gt;&lt;/supportContact&gt;   &lt;!-- an address, a phone number or an https:// page: none --&gt;
 *   &lt;textsDirectory&gt;&lt;/textsDirectory&gt;   &lt;!-- a folder with your own maelezo_sw/en.properties: the shipped texts --&gt;
 *   &lt;repairStatus&gt;true&lt;/repairStatus&gt;   &lt;!-- (read by DecorateBounce; accepted here too) --&gt;
 *   &lt;timeZone&gt;&lt;/timeZone&gt;               &lt;!-- of the dates a notice shows, e.g. Africa/Dar_es_Salaam: the JVM's --&gt;
 *   &lt;mailDomainsFile&gt;&lt;/mailDomainsFile&gt; &lt;!-- your own well-known mail domains for "did you mean ...?", one per line: the shipped ones only --&gt;
 *   &lt;attachment&gt;message&lt;/attachment&gt;     &lt;!-- message, heads or none: what of the failed mail goes back (unless RET says) --&gt;
 *   &lt;sender&gt;&lt;/sender&gt;                   &lt;!-- the bounce's From: the postmaster --&gt;
 *   &lt;reportingMta&gt;&lt;/reportingMta&gt;       &lt;!-- this server's name in the report: the host's name --&gt;
 *   &lt;maxReturnedSize&gt;1048576&lt;/maxReturnedSize&gt; &lt;!-- bytes: a larger mail comes back as its headers only; 0: no limit --&gt;
 *   &lt;alertInterval&gt;6h&lt;/alertInterval&gt;   &lt;!-- the postmaster hears of each refusal of this server at most once per interval (s, m, h, d), with a summary at its end --&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 * When a remote server refused this installation itself (its address or domain on a blocklist, its
 * SPF, DKIM, DMARC or reverse DNS failing), the postmaster is alerted ({@link PostmasterAlerts}) and
 * the sender's bounce says that the administrator has been told.
 */
public class ExplainedDSNBounce extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExplainedDSNBounce.class);
    /** Set by James's SMTP server when the mail arrived (DSNBounce reads it too). */
    static final AttributeName ARRIVAL_DATE = AttributeName.of("dsn-arrival-date");

    private final RecentClassifications classifications;
    private DeliveryReportWriter writer;
    private FailedDelivery.Attach attach;
    private Optional<String> from;
    private String reportingMta;
    /** A failed mail larger than this (bytes) comes back as its headers only ("a light bounce"); 0: no limit. */
    private long maxReturnedSize;
    static final long DEFAULT_MAX_RETURNED_SIZE = 1024 * 1024;

    private final PostmasterAlerts alerts;
    private final MaelezoMetrics metrics;

    @Inject
    public ExplainedDSNBounce(RecentClassifications classifications, PostmasterAlerts alerts, MaelezoMetrics metrics) {
        this.classifications = classifications;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    /** Outside James (tests): alerts and counters of its own. */
    public ExplainedDSNBounce(RecentClassifications classifications) {
        this(classifications, new PostmasterAlerts(java.time.Clock.systemUTC()), MaelezoMetrics.none());
    }

    /** The parameters it takes: the sample above names exactly these (MailetSamplesTest). */
    static final Set<String> PARAMETERS = Stream.concat(Settings.NAMES.stream(),
            Stream.of("attachment", "sender", "reportingMta", "maxReturnedSize", "alertInterval"))
        .collect(Collectors.toUnmodifiableSet());

    @Override
    public void init() throws MessagingException {
        checkInitParameters(PARAMETERS);
        try {
            writer = new DeliveryReportWriter(Engine.configured(this::getInitParameter, classifications));
            attach = attachment(getInitParameter("attachment", "message"));
            from = Optional.ofNullable(getInitParameter("sender")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ExplainedDSNBounce::address);
            reportingMta = Optional.ofNullable(getInitParameter("reportingMta")).map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(ExplainedDSNBounce::localHostName);
            maxReturnedSize = size(getInitParameter("maxReturnedSize"));
            Engine engine = writer.engine();
            alerts.configure(AlertInterval.parse(getInitParameter("alertInterval")), getMailetContext(), engine.texts(),
                engine.settings().timeZone(), metrics);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("ExplainedDSNBounce: " + e.getMessage(), e);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<MailAddress> sender = mail.getMaybeSender().asOptional();
        if (sender.isEmpty()) {
            LOGGER.debug("maelezo: mail {} has no sender to bounce to; it goes on to the next mailet", mail.getName());
            return;
        }
        Decoration written;
        try {
            written = writer.write(failedDelivery(mail, sender.get()), alerts);
        } catch (Throwable t) {
            Failures.rethrowIfFatal(t);
            metrics.toDsnBounce();
            LOGGER.warn("maelezo: could not write the explained bounce of mail {}; it goes on to the next mailet ({})",
                mail.getName(), Failures.describe(t));
            LOGGER.debug("maelezo: what failed on mail {}", mail.getName(), t);
            return;
        }
        // Sending is James's: if it fails, the mail stays where it is, as with DSNBounce.
        getMailetContext().sendMail(null, List.of(sender.get()), written.message().orElseThrow());
        mail.setState(Mail.GHOST);
        metrics.explained(written.categories());
        LOGGER.info("maelezo: explained bounce of mail {} sent ({})", mail.getName(), written.reason());
    }

    private FailedDelivery failedDelivery(Mail mail, MailAddress sender) throws MessagingException {
        Optional<DsnParameters> dsn = mail.dsnParameters();
        FailedDelivery.Builder delivery = FailedDelivery.builder()
            .reportingMta(reportingMta)
            .receivedFromMta(Optional.ofNullable(mail.getRemoteHost()))
            .arrivalDate(MaelezoAttributes.value(mail, ARRIVAL_DATE).filter(ZonedDateTime.class::isInstance).map(ZonedDateTime.class::cast))
            .envelopeId(dsn.flatMap(DsnParameters::getEnvIdParameter).map(DsnParameters.EnvId::asString))
            .reply(MaelezoAttributes.string(mail, MaelezoAttributes.DELIVERY_ERROR).orElse(""))
            .lastAttempt(Optional.ofNullable(mail.getLastUpdated())
                .map(date -> ZonedDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault()))
                .orElseGet(ZonedDateTime::now))
            .from(from.orElseGet(() -> getMailetContext().getPostmaster().asString()))
            .to(sender.asString())
            .original(mail.getMessage())
            .attach(dsn.flatMap(DsnParameters::getRetParameter)
                .map(ret -> ret == DsnParameters.Ret.HDRS ? FailedDelivery.Attach.HEADERS : FailedDelivery.Attach.MESSAGE)
                .orElse(attach));
        if (delivery.attachesMessage() && maxReturnedSize > 0 && mail.getMessageSize() > maxReturnedSize) {
            delivery.headersOnlyBecauseLargerThan(maxReturnedSize); // for phones on prepaid data
        }
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<String> original = dsn.map(parameters -> parameters.getRcptParameters().get(recipient))
                .flatMap(DsnParameters.RecipientDsnParameters::getOrcptParameter).map(MailAddress::asString);
            delivery.recipient(new FailedDelivery.Recipient(recipient.asString(), original));
        }
        return delivery.build();
    }

    private static FailedDelivery.Attach attachment(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "message":
                return FailedDelivery.Attach.MESSAGE;
            case "heads":
                return FailedDelivery.Attach.HEADERS;
            case "none":
                return FailedDelivery.Attach.NONE;
            default:
                throw new IllegalArgumentException("'attachment' must be one of message, heads, none; not '" + value + "'");
        }
    }

    private static long size(String value) {
        if (value == null || value.trim().isEmpty()) {
            return DEFAULT_MAX_RETURNED_SIZE;
        }
        try {
            long size = Long.parseLong(value.trim());
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'maxReturnedSize' must be a number of bytes (0: no limit); not '" + value + "'");
    }

    private static String address(String value) {
        try {
            return new MailAddress(value).asString();
        } catch (Exception e) {
            throw new IllegalArgumentException("'sender' must be a mail address; not '" + value + "'", e);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void destroy() {
        alerts.stop();
    }

    @Override
    public String getMailetInfo() {
        return "maelezo: send the explained bounce of a mail that could not be delivered";
    }
}
