package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One operation to decide on: who asks whom, over which protocol, for what. The client is the side
 * that sends requests (opened the connection, sent the first datagram); the server answers.
 * Optional numbers are plain values with -1 for "none" so that the inline firewall can build one
 * per request without boxing.
 *
 * @param function the protocol's function code (Modbus function code, S7 function, DNP3 function)
 * @param unit the addressed unit (Modbus unit id, DNP3 destination), -1 when the protocol has none
 * @param address the first data address touched, -1 when the operation names none
 * @param quantity how many items from {@code address}, 1 when unknown
 */
public record Operation(
        InetAddress client,
        InetAddress server,
        Protocol protocol,
        AccessKind access,
        int function,
        int unit,
        long address,
        long quantity) {

    public Operation {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(access, "access");
        if (unit < -1 || address < -1) {
            throw new IllegalArgumentException("unit and address are -1 (none) or more, were " + unit + ", " + address);
        }
        if (quantity < 1) {
            quantity = 1;
        }
    }

    /** An operation with only the fields every protocol has. */
    public static Operation of(
            InetAddress client, InetAddress server, Protocol protocol, AccessKind access, int function) {
        return new Operation(client, server, protocol, access, function, -1, -1, 1);
    }

    public Operation withUnit(int u) {
        return new Operation(client, server, protocol, access, function, u, address, quantity);
    }

    public Operation withRange(long first, long count) {
        return new Operation(client, server, protocol, access, function, unit, first, count);
    }
}
