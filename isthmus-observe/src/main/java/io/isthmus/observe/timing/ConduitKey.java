package io.isthmus.observe.timing;

import io.isthmus.model.Protocol;
import io.isthmus.wire.packet.IpAddress;
import java.util.Objects;

/**
 * One control conduit as timing sees it: the client (master, HMI) that sends requests, the server
 * (PLC, outstation) that answers, and the protocol between them. Ports are left out on purpose: an
 * HMI that reconnects from a new ephemeral port is still the same conduit.
 */
public record ConduitKey(IpAddress client, IpAddress server, Protocol protocol) implements Comparable<ConduitKey> {
    public ConduitKey {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public int compareTo(ConduitKey o) {
        int c = client.compareTo(o.client);
        if (c == 0) {
            c = server.compareTo(o.server);
        }
        return c != 0 ? c : protocol.compareTo(o.protocol);
    }

    @Override
    public String toString() {
        return client + " -> " + server + " " + protocol.id();
    }
}
