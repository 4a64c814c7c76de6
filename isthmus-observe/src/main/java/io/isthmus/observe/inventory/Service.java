package io.isthmus.observe.inventory;

import io.isthmus.model.Protocol;
import java.util.Objects;
import java.util.Optional;

/**
 * What a link carries: an industrial protocol the session layer identified, or else the transport
 * and server port ({@code tcp/443}) of traffic Isthmus does not dissect.
 *
 * @param transport 6 for TCP, 17 for UDP, 0 for frames without IP (PROFINET DCP)
 * @param port the server port, 0 without one
 */
public record Service(Optional<Protocol> protocol, int transport, int port) implements Comparable<Service> {
    public Service {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 to 65535, got " + port);
        }
    }

    public static Service of(Protocol p, int transport, int port) {
        return new Service(Optional.of(p), transport, port);
    }

    /** Whether an industrial protocol was recognised in it. */
    public boolean isIndustrial() {
        return protocol.isPresent();
    }

    /** The protocol id ({@code modbus}) or {@code tcp/443}, {@code udp/53}. */
    public String label() {
        if (protocol.isPresent()) {
            return protocol.get().id();
        }
        String t = transport == 6 ? "tcp" : transport == 17 ? "udp" : "ip" + transport;
        return t + "/" + port;
    }

    @Override
    public int compareTo(Service o) {
        return label().compareTo(o.label());
    }

    @Override
    public String toString() {
        return label();
    }
}
