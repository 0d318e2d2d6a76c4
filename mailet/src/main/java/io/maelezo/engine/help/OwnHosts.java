package io.maelezo.engine.help;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.google.common.net.InetAddresses;

/**
 * The hosts that send this installation's mail (the {@code ownHosts} parameter): names and IP
 * addresses, compared case-insensitively, an IPv6 address in any of its written forms. Without the
 * parameter: this machine's name and addresses, and (inside James) the domains James serves.
 */
public final class OwnHosts implements Predicate<String> {
    private final Set<String> names;

    private OwnHosts(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** The admin's list: host names and IP addresses, comma-separated (blank entries ignored). */
    public static OwnHosts parse(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>();
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                names.add(normalised(entry));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("maelezo setting 'ownHosts' names no host; give host names or IP addresses, comma-separated");
        }
        return new OwnHosts(names);
    }

    /**
     * This machine's host name (short and canonical) and the addresses of its network interfaces but
     * loopback, link-local and private ones: {@code localhost}, 127.0.0.1 or 10.0.0.5 in a Received
     * line are as often another network's as this one's.
     */
    public static OwnHosts thisMachine() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(normalised(local.getHostName()));
            names.add(normalised(local.getCanonicalHostName()));
            if (isPublic(local)) {
                names.add(normalised(local.getHostAddress()));
            }
        } catch (UnknownHostException | SecurityException e) {
            // a machine without a resolvable name still has its interfaces' addresses
        }
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (isPublic(address)) {
                        names.add(normalised(address.getHostAddress()));
                    }
                }
            }
        } catch (SocketException | SecurityException e) {
            // the name alone, then
        }
        names.remove("localhost");
        names.removeIf(name -> InetAddresses.isInetAddress(name) && !isPublic(InetAddresses.forString(name)));
        return new OwnHosts(names);
    }

    private static boolean isPublic(InetAddress address) {
        return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
            || address.isAnyLocalAddress() || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc); // fc00::/7
    }

    /** A host as a Received line or Message-ID writes it: lower case, without brackets, a trailing dot or an IPv6 zone. */
    static String normalised(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.startsWith("ipv6:")) {
            name = name.substring(5);
        }
        int zone = name.indexOf('%');
        if (zone > 0) {
            name = name.substring(0, zone);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return InetAddresses.isInetAddress(name) ? InetAddresses.toAddrString(InetAddresses.forString(name)) : name;
    }

    @Override
    public boolean test(String host) {
        return names.contains(normalised(host));
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
