package io.maelezo.bench;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

import org.apache.james.dnsservice.api.DNSService;

/** DSNBounce asks the DNS for the local host's name: here, always the loopback address. */
final class LoopbackDns implements DNSService {
    @Override
    public Collection<String> findMXRecords(String hostname) {
        return List.of();
    }

    @Override
    public Collection<String> findTXTRecords(String hostname) {
        return List.of();
    }

    @Override
    public Collection<InetAddress> getAllByName(String host) {
        return List.of(InetAddress.getLoopbackAddress());
    }

    @Override
    public InetAddress getByName(String host) {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public InetAddress getLocalHost() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public String getHostName(InetAddress address) {
        return "localhost";
    }
}
