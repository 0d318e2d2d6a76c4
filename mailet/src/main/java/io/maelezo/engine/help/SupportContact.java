package io.maelezo.engine.help;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.common.net.InternetDomainName;

/**
 * The admin's {@code supportContact}, read for what a person can tap: an {@code https://} page
 * (a link), an email address (a {@code mailto:} link that opens a prepared mail: {@link HelpMail}),
 * a phone number (a {@code tel:} link), or anything else (shown as written, no link).
 */
public final class SupportContact {
    public enum Kind { PAGE, MAIL, PHONE, TEXT }

    /** The local part of an address: printable, no space, none of RFC 5322's specials. */
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    /** A phone number as people write it: an optional +, digits, spaces and the visual separators of RFC 3966. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]*[0-9]");

    private final String written;
    private final Kind kind;

    private SupportContact(String written, Kind kind) {
        this.written = written;
        this.kind = kind;
    }

    public static Optional<SupportContact> of(Optional<String> configured) {
        return configured.map(String::trim).filter(contact -> !contact.isEmpty()).map(SupportContact::read);
    }

    static SupportContact read(String contact) {
        String address = contact.regionMatches(true, 0, "mailto:", 0, 7) ? contact.substring(7) : contact;
        if (contact.startsWith("https://")) {
            return new SupportContact(contact, Kind.PAGE);
        }
        if (isAddress(address)) {
            return new SupportContact(address, Kind.MAIL);
        }
        if (PHONE.matcher(contact).matches() && digits(contact) >= 6 && digits(contact) <= 15) {
            return new SupportContact(contact, Kind.PHONE);
        }
        return new SupportContact(contact, Kind.TEXT);
    }

    private static boolean isAddress(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at != text.indexOf('@')) {
            return false;
        }
        String domain = text.substring(at + 1);
        return LOCAL_PART.matcher(text.substring(0, at)).matches() && domain.contains(".") && InternetDomainName.isValid(domain);
    }

    private static int digits(String text) {
        return (int) text.chars().filter(c -> c >= '0' && c <= '9').count();
    }

    /** The contact as the admin wrote it (an address without {@code mailto:}): what text/plain shows. */
    public String written() {
        return written;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code tel:} URI of a phone number (RFC 3966: the number without spaces). */
    public String telUri() {
        return "tel:" + written.replace(" ", "");
    }
}
