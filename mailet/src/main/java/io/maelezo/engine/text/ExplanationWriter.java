package io.maelezo.engine.text;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import io.maelezo.engine.Category;
import io.maelezo.engine.classify.Action;
import io.maelezo.engine.classify.Classification;
import io.maelezo.engine.help.DomainSuggestions;
import io.maelezo.engine.help.SupportContact;

/**
 * Turns a classification into the words a person reads. All words come from {@link Texts};
 * this class only decides which entries to use and what values to fill in:
 * <ul>
 *   <li>{@code category.ID.headline}, {@code .what}, {@code .side}, {@code .step.N}: per category
 *       ({@code category.blocklisted-misconfigured.*} when the "listing" is the recipient server's fault;
 *       {@code category.server-name-listed.*} when a list of domains holds the sending server's own name;
 *       {@code category.unknown-other-recipient.*} when the only reply known was about another recipient;
 *       {@code category.authentication-login.*} when SMTP AUTH refused a login, 535 and the like;
 *       {@code category.network-loop.*} and the other groups of {@code text-variants.tsv}, whose words say more than the category);</li>
 *   <li>{@code code.NNN}, else {@code code.undefined} with {@code digit.first.N} and {@code digit.second.N}: what the reply code means;</li>
 *   <li>{@code temporary.true} / {@code temporary.false};</li>
 *   <li>{@code blocklist.ID.note}: what to know about one operator;</li>
 *   <li>{@code suggestion.did-you-mean}: first, for a recipient whose domain does not exist and is one or two edits
 *       from exactly one well-known mail domain ({@link DomainSuggestions}), failed notices only;</li>
 *   <li>{@code told.admin} and {@code told.step}: once the postmaster has been alerted to a refusal of the
 *       installation ({@link Classification#adminTold()}), with {@code told.reach} (reach the recipient) instead of the steps;</li>
 *   <li>{@code step.support}: the admin's support contact, when configured; in HTML the step itself is a link when
 *       the contact is an address ({@code mailto:}, with {@code support.mail.subject} and {@code .body}: {@link HelpStep})
 *       or a phone number ({@code tel:});</li>
 *   <li>for a recipient the reporting server still tries (a delay notice), {@code delayed.*} instead of the
 *       category's texts: not arrived yet, the server keeps trying, nothing to do now, never "send it again";
 *       {@code cause.ID} names the category's cause in a few words, when the texts have it.</li>
 * </ul>
 */
public final class ExplanationWriter {
    static final int MAX_NAMED = 10;
    /** The words of this many reasons are kept (see {@link #kept}). */
    private static final int REASONS_KEPT = 256;

    private final Texts texts;
    private final Optional<String> supportContact;
    /** What tapping the "ask for help" step opens. */
    private final HelpStep helpStep;
    private final DomainSuggestions domains;
    /** False when no entry uses {{recipients}} (the shipped texts): then the words of a reason are the same for any recipients. */
    private final boolean wordsNameRecipients;
    /**
     * The words of each reason lately explained, by everything they are made of (the entries
     * chosen and the values filled in): a burst of bounces for one reason is explained once.
     */
    private final Cache<List<Object>, Wording> kept = CacheBuilder.newBuilder().maximumSize(REASONS_KEPT).build();

    public ExplanationWriter(Texts texts, Optional<String> supportContact) {
        this(texts, supportContact, DomainSuggestions.shipped());
    }

    public ExplanationWriter(Texts texts, Optional<String> supportContact, DomainSuggestions domains) {
        this.texts = texts;
        this.domains = domains;
        this.supportContact = supportContact.map(String::trim).filter(contact -> !contact.isEmpty());
        this.helpStep = new HelpStep(texts, SupportContact.of(this.supportContact));
        this.wordsNameRecipients = texts.mayUse("recipients");
    }

    /** What an explanation says, apart from whom it is about. */
    private static final class Wording {
        final String headline;
        final List<String> what;
        final List<String> steps;
        final List<Link> links;
        /** The "ask for help" step (the last), or -1 when the steps have none. */
        final int supportStep;

        Wording(String headline, List<String> what, List<String> steps, List<Link> links, boolean endsWithSupport) {
            this.headline = headline;
            this.what = List.copyOf(what);
            this.steps = List.copyOf(steps);
            this.links = List.copyOf(links);
            this.supportStep = endsWithSupport ? steps.size() - 1 : -1;
        }
    }

    public Texts texts() {
        return texts;
    }

    /** The explanation of a failure (the reporting server stopped trying). */
    public Explanation explain(Language language, Classification classification, List<String> recipients) {
        return explain(language, classification, recipients, Action.FAILED);
    }

    public Explanation explain(Language language, Classification classification, List<String> recipients, Action action) {
        return explain(language, classification, recipients, action, ZonedDateTime::now);
    }

    /**
     * @param noticeDate when the notice was written (the date the prepared "ask for help" mail names), in the
     *                   installation's time zone; asked only for that mail
     */
    public Explanation explain(Language language, Classification classification, List<String> recipients, Action action,
                               Supplier<ZonedDateTime> noticeDate) {
        Map<String, Object> values = values(language, classification);
        if (wordsNameRecipients) {
            values.put("recipients", listed(recipients));
        }
        String reason = reasonGroup(classification);
        String group = action == Action.DELAYED ? "delayed" : "category." + reason;
        if (action == Action.DELAYED) {
            // A bare code or words that only say "delayed" prove no cause: a delay notice then names
            // none rather than guess one, but for a bare 450, which it says is perhaps greylisting (glossary).
            Classification.Basis basis = classification.basis();
            if (basis != Classification.Basis.REPLY_CODE && basis != Classification.Basis.NOTHING && basis != Classification.Basis.DELAY_WORDS
                || reason.equals("greylisted-maybe")) {
                texts.render(language, "cause." + reason, values).ifPresent(cause -> values.put("cause", cause));
            }
            values.put("reason", reason);
        }
        if (classification.adminTold()) {
            values.put("admin_told", true);
        }
        if (classification.passedOn()) {
            values.put("passed_on", true);
        }
        List<Object> key = List.of(language, group, codeExplainsTheFailure(classification), classification.temporary(),
            classification.blocklist().map(operator -> operator.id()).orElse(""), values);
        Wording words = kept.getIfPresent(key);
        if (words == null) {
            words = action == Action.DELAYED ? delayedWords(language, values) : words(language, classification, group, values);
            kept.put(key, words);
        }
        // A notice that names no recipient (Postfix's "Delivery report unavailable") says so, not "did not reach:" and nothing.
        String label = texts.require(language, (action == Action.DELAYED ? "section.recipients.delayed" : "section.recipients")
            + (recipients.isEmpty() ? ".unnamed" : ""), Map.of());
        Optional<String> help = words.supportStep < 0 ? Optional.empty()
            : helpStep.uri(language, classification, recipients, action, noticeDate);
        List<String> suggestions = new ArrayList<>();
        if (action == Action.FAILED) {
            for (String recipient : recipients.subList(0, Math.min(recipients.size(), MAX_NAMED))) {
                suggestion(recipient, classification).flatMap(meant -> texts.render(language, "suggestion.did-you-mean",
                    Map.of("suggestion", meant, "address", recipient))).ifPresent(suggestions::add);
            }
        }
        return new Explanation(language, action, recipients, label, words.headline, words.what, words.steps, words.links,
            help.isPresent() ? words.supportStep : -1, help.orElse(null), suggestions);
    }

    /**
     * "Did you mean ...?" for one recipient: only when its domain is unknown (a domain that does not
     * exist), the corrected address when exactly one well-known mail domain is that close.
     */
    public Optional<String> suggestion(String recipient, Classification classification) {
        // Only when told as the recipient's unknown domain: not when it was the sender's own (sender-domain-unknown).
        // The category is looked at first: the texts' words are read only for a domain-unknown reply.
        return classification.category() == Category.DOMAIN_UNKNOWN && reasonGroup(classification).equals(Category.DOMAIN_UNKNOWN.id())
            ? domains.suggest(recipient) : Optional.empty();
    }

    /**
     * Which texts tell this reason: the category's, or a variant of it whose words differ (a reply
     * about another recipient, a misconfigured list, a refused login, the variants of
     * {@code text-variants.tsv}: a mail loop; a domain of the message on a list of domains; a bare
     * refusal code).
     */
    public static String reasonGroup(Classification classification) {
        if (classification.aboutAnotherRecipient()) {
            return "unknown-other-recipient";
        }
        if (classification.misconfiguredBlocklist()) {
            return "blocklisted-misconfigured";
        }
        if (classification.serverNameListed()) {
            return "server-name-listed";
        }
        if (isLoginFailure(classification)) {
            return "authentication-login";
        }
        if (classification.textVariant().isPresent()) {
            return classification.textVariant().get(); // words that say more than the category (text-variants.tsv)
        }
        if (classification.messageDomainListed()) {
            return "spam-domain-listed"; // a domain of the message on a list of domains, not its words
        }
        if (classification.basis() == Classification.Basis.REPLY_CODE && classification.category() == Category.POLICY) {
            return "unknown"; // a bare 550 or 554 proves a refusal, not its reason
        }
        if (classification.basis() == Classification.Basis.REPLY_CODE && classification.category() == Category.GREYLISTED) {
            return "greylisted-maybe"; // a bare 450 is perhaps greylisting, not surely
        }
        return classification.category().id();
    }

    /**
     * A delay notice: not arrived yet, the server keeps trying by itself, do not send it again; when
     * a person must act for it to arrive ({@code delayed.act.GROUP}), who.
     */
    private Wording delayedWords(Language language, Map<String, Object> values) {
        List<String> what = new ArrayList<>();
        // Where the cause is on the sender's side, the recipient's server never had the mail: delayed.what.GROUP.
        first(language, values, "delayed.what." + values.get("reason"), "delayed.what").ifPresent(what::add);
        passedOnNote(language, values).ifPresent(what::add);
        texts.render(language, "temporary.delayed", values).ifPresent(what::add);
        List<String> steps = new ArrayList<>();
        texts.render(language, "delayed.step.1", values).ifPresent(steps::add);
        // What the reader can do now for this cause, else only: tell the recipient if it is urgent.
        first(language, values, "delayed.act." + values.get("reason"), "delayed.step.2").ifPresent(steps::add);
        passedOnStep(language, values).ifPresent(steps::add);
        Optional<String> support = supportContact.flatMap(contact -> texts.render(language, "step.support", values));
        support.ifPresent(steps::add);
        List<Link> links = new ArrayList<>();
        supportContact.filter(contact -> contact.startsWith("https://"))
            .ifPresent(url -> links.add(new Link(texts.require(language, "link.support", values), url)));
        return new Wording(texts.require(language, "delayed.headline", values), what, steps, links, support.isPresent());
    }

    /** The address the reader wrote passed the mail on to another, where it failed: the recipient's forwarding may be part of it. */
    private Optional<String> passedOnNote(Language language, Map<String, Object> values) {
        return values.containsKey("passed_on") ? texts.render(language, "passed-on.note", values) : Optional.empty();
    }

    /** ... and the recipient, who alone can check that forwarding, is to be told. */
    private Optional<String> passedOnStep(Language language, Map<String, Object> values) {
        return values.containsKey("passed_on") ? texts.render(language, "passed-on.step", values) : Optional.empty();
    }

    private Wording words(Language language, Classification classification, String group, Map<String, Object> values) {
        List<String> what = new ArrayList<>();
        texts.render(language, group + ".what", values).ifPresent(what::add);
        if (codeExplainsTheFailure(classification)) {
            texts.render(language, "code.sentence", values).ifPresent(what::add);
        }
        texts.render(language, group + ".side", values).ifPresent(what::add);
        passedOnNote(language, values).ifPresent(what::add);
        // A group whose steps would contradict the general sentence has its own (temporary.true.network-loop: a loop
        // reported with a 4xx does not "get through later").
        String temporary = "temporary." + classification.temporary();
        first(language, values, temporary + "." + group.substring("category.".length()), temporary).ifPresent(what::add);
        // An operator's note says how to get a listing removed: no use when the "listing" is the recipient server's mistake.
        // A group that tells another kind of block than a spam listing (a home address, mail to unknown addresses) has
        // its own note (blocklist.note.GROUP), so that the operator's does not contradict it.
        classification.blocklist().filter(operator -> !classification.misconfiguredBlocklist())
            .flatMap(operator -> first(language, values, "blocklist.note." + group.substring("category.".length()),
                "blocklist." + operator.id() + ".note"))
            .ifPresent(what::add);

        List<String> steps = new ArrayList<>(texts.renderNumbered(language, group + ".step", values));
        passedOnStep(language, values).ifPresent(steps::add);
        if (classification.adminTold()) {
            // The provider knows: tell the reader so, then only "reach the recipient by other means" and "send it later".
            texts.render(language, "told.admin", values).ifPresent(what::add);
            steps = new ArrayList<>();
            texts.render(language, "told.reach", values).ifPresent(steps::add);
            texts.render(language, "told.step", values).ifPresent(steps::add);
        }
        Optional<String> support = supportContact.flatMap(contact -> texts.render(language, "step.support", values));
        support.ifPresent(steps::add);

        List<Link> links = new ArrayList<>();
        // "the lookup page for 192.0.2.1" only when the page is that address's; else the operator's page.
        classification.blocklistUrl().ifPresent(url -> links.add(new Link(texts.require(language,
            classification.listedAddress().filter(url::contains).isPresent() ? "link.blocklist" : "link.blocklist.general", values), url)));
        supportContact.filter(contact -> contact.startsWith("https://"))
            .ifPresent(url -> links.add(new Link(texts.require(language, "link.support", values), url)));

        return new Wording(texts.require(language, group + ".headline", values), what, steps, links, support.isPresent());
    }

    /** The first of these entries the texts have (a group's own, then the general one). */
    private Optional<String> first(Language language, Map<String, Object> values, String... keys) {
        for (String key : keys) {
            Optional<String> text = texts.render(language, key, values);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    /**
     * SMTP AUTH refused the login (RFC 4954: 530, 534, 535, 538; X.7.8, X.7.11, X.7.12): not an
     * SPF/DKIM/DMARC matter. X.7.9 ("mechanism too weak") is a login's only with a login's reply
     * code: Yahoo answers a message it will not take from an unauthenticated sender "550 5.7.9"
     * (SPF, DKIM), which is no login at all (Sisimai's amazonses-08, five tuning replies).
     */
    private static final Set<String> LOGIN_REPLY_CODES = Set.of("530", "534", "535", "538");
    private static final Set<String> LOGIN_STATUS_DETAILS = Set.of(".7.8", ".7.11", ".7.12");

    private static boolean isLoginFailure(Classification classification) {
        if (classification.category() != Category.AUTHENTICATION) {
            return false;
        }
        if (classification.replyCode().map(LOGIN_REPLY_CODES::contains).orElse(false)) {
            return true;
        }
        return classification.enhancedStatus().map(status -> LOGIN_STATUS_DETAILS.contains(status.substring(1))).orElse(false);
    }

    /**
     * The meaning of the bare reply code is told in "what happened" only when nothing more specific
     * was understood: "550 means mailbox unavailable" would confuse a blocklist explanation.
     * The technical details always give it.
     */
    private static boolean codeExplainsTheFailure(Classification classification) {
        Classification.Basis basis = classification.basis();
        return basis == Classification.Basis.REPLY_CODE || basis == Classification.Basis.NOTHING;
    }

    /** At most {@link #MAX_NAMED} recipients by name; a report of 10,000 recipients reads "a, b, ... (+9990)". */
    public static String listed(List<String> recipients) {
        return listed(recipients, MAX_NAMED);
    }

    /** At most {@code named} recipients by name, then how many more. */
    static String listed(List<String> recipients, int named) {
        if (recipients.size() <= named) {
            return String.join(", ", recipients);
        }
        return String.join(", ", recipients.subList(0, named)) + ", … (+" + (recipients.size() - named) + ")";
    }

    /** The values the texts may use, but {{recipients}} (added only when the texts use it). */
    private Map<String, Object> values(Language language, Classification classification) {
        Map<String, Object> values = new HashMap<>();
        classification.replyCode().ifPresent(code -> {
            values.put("code", code);
            values.put("meaning", codeMeaning(language, code));
        });
        classification.enhancedStatus().ifPresent(status -> values.put("enhanced", status));
        if (classification.temporary()) {
            values.put("temporary", Boolean.TRUE);
        }
        classification.blocklist().ifPresent(operator -> values.put("operator", operator.name()));
        classification.listedAddress().ifPresent(ip -> values.put("listed_ip", ip));
        classification.blocklistUrl().ifPresent(url -> values.put("lookup_url", url));
        supportContact.ifPresent(contact -> values.put("support", contact));
        return values;
    }

    /** What a reply code means: its own entry, else the meaning of its first two digits. */
    public String codeMeaning(Language language, String code) {
        Map<String, Object> none = Map.of();
        return texts.render(language, "code." + code, none).orElseGet(() -> {
            Map<String, Object> digits = new HashMap<>();
            digits.put("code", code);
            digits.put("first", texts.require(language, "digit.first." + code.charAt(0), none));
            digits.put("second", texts.require(language, "digit.second." + code.charAt(1), none));
            return texts.render(language, "code.undefined", digits)
                .orElseGet(() -> digits.get("first") + " " + digits.get("second"));
        });
    }
}
