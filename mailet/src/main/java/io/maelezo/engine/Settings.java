package io.maelezo.engine;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.maelezo.engine.text.Language;

/**
 * How an admin wants bounces explained. Parsed from text (mailet parameters, CLI flags): a wrong
 * value is an {@link IllegalArgumentException} that names the setting and the allowed values.
 */
public final class Settings {
    public static final String LANGUAGE = "language";
    public static final String BILINGUAL = "bilingual";
    public static final String SUPPORT_CONTACT = "supportContact";
    public static final String TEXTS_DIRECTORY = "textsDirectory";
    public static final String REPAIR_STATUS = "repairStatus";
    /** The time zone of the dates a notice shows (a delay notice's "will retry until"). */
    public static final String TIME_ZONE = "timeZone";
    /** A file of the admin's own well-known mail domains, for "did you mean ...?" (one per line). */
    public static final String MAIL_DOMAINS_FILE = "mailDomainsFile";
    /** Every setting's name, as the mailets' parameters and the CLI's --param take them. */
    public static final List<String> NAMES = List.of(LANGUAGE, BILINGUAL, SUPPORT_CONTACT, TEXTS_DIRECTORY, REPAIR_STATUS, TIME_ZONE,
        MAIL_DOMAINS_FILE);

    private final Language language;
    private final boolean bilingual;
    private final Optional<String> supportContact;
    private final Optional<Path> textsDirectory;
    private final boolean repairStatus;
    private final ZoneId timeZone;
    private final Optional<Path> mailDomainsFile;

    private Settings(Language language, boolean bilingual, Optional<String> supportContact,
                     Optional<Path> textsDirectory, boolean repairStatus, ZoneId timeZone, Optional<Path> mailDomainsFile) {
        this.language = language;
        this.bilingual = bilingual;
        this.supportContact = supportContact;
        this.textsDirectory = textsDirectory;
        this.repairStatus = repairStatus;
        this.timeZone = timeZone;
        this.mailDomainsFile = mailDomainsFile;
    }

    public static Settings defaults() {
        return new Settings(Language.SW, true, Optional.empty(), Optional.empty(), true, ZoneId.systemDefault(), Optional.empty());
    }

    /** Settings from named values, each absent one at its default. */
    public static Settings parse(Function<String, String> values) {
        Language language = Optional.ofNullable(values.apply(LANGUAGE)).map(String::trim)
            .map(tag -> Language.fromTag(tag.toLowerCase(Locale.ROOT)).orElseThrow(() -> invalid(LANGUAGE, tag, Language.allowedTags())))
            .orElse(Language.SW);
        boolean bilingual = parseBoolean(BILINGUAL, values.apply(BILINGUAL), true);
        Optional<String> support = Optional.ofNullable(values.apply(SUPPORT_CONTACT)).map(String::trim).filter(s -> !s.isEmpty());
        support.ifPresent(Settings::checkSupportContact);
        Optional<Path> texts = Optional.ofNullable(values.apply(TEXTS_DIRECTORY)).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
        boolean repair = parseBoolean(REPAIR_STATUS, values.apply(REPAIR_STATUS), true);
        ZoneId timeZone = Optional.ofNullable(values.apply(TIME_ZONE)).map(String::trim).filter(s -> !s.isEmpty())
            .map(Settings::parseTimeZone).orElse(ZoneId.systemDefault());
        Optional<Path> domains = Optional.ofNullable(values.apply(MAIL_DOMAINS_FILE)).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
        return new Settings(language, bilingual, support, texts, repair, timeZone, domains);
    }

    private static ZoneId parseTimeZone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw invalid(TIME_ZONE, value, "a time zone ID such as Africa/Dar_es_Salaam, Africa/Nairobi or UTC+03:00");
        }
    }

    private static boolean parseBoolean(String name, String value, boolean byDefault) {
        if (value == null || value.trim().isEmpty()) {
            return byDefault;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(name, value, "true, false");
        }
    }

    private static void checkSupportContact(String contact) {
        if (contact.length() > 200 || contact.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("maelezo setting '" + SUPPORT_CONTACT
                + "' must be one line of at most 200 characters (an address, a phone number or an https:// page)");
        }
    }

    private static IllegalArgumentException invalid(String name, String value, String allowed) {
        return new IllegalArgumentException("maelezo setting '" + name + "' has the value '" + value
            + "'; allowed values: " + allowed);
    }

    public Settings withLanguage(Language language) {
        return new Settings(language, bilingual, supportContact, textsDirectory, repairStatus, timeZone, mailDomainsFile);
    }

    public Settings withBilingual(boolean bilingual) {
        return new Settings(language, bilingual, supportContact, textsDirectory, repairStatus, timeZone, mailDomainsFile);
    }

    public Language language() {
        return language;
    }

    public boolean bilingual() {
        return bilingual;
    }

    public Optional<String> supportContact() {
        return supportContact;
    }

    public Optional<Path> textsDirectory() {
        return textsDirectory;
    }

    public boolean repairStatus() {
        return repairStatus;
    }

    /** The installation's time zone (default: the JVM's); East Africa is UTC+3. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The admin's own well-known mail domains ("did you mean ...?"), besides the shipped ones. */
    public Optional<Path> mailDomainsFile() {
        return mailDomainsFile;
    }
}
