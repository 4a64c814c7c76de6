package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;

/** Request observations for detector tests, written as a person reads them. */
final class Observations {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    private Observations() {}

    static IpAddress ip(String dotted) {
        String[] p = dotted.split("\\.");
        int a = 0;
        for (String s : p) {
            a = (a << 8) | Integer.parseInt(s);
        }
        return IpAddress.ofIpv4(a);
    }

    static Observation request(double seconds, String src, String dst, MessageSummary m) {
        return new Observation(
                Optional.empty(),
                T0 + (long) (seconds * SECOND),
                Optional.of(ip(src)),
                Optional.of(ip(dst)),
                40000,
                502,
                -1,
                -1,
                -1,
                m);
    }

    static MessageSummary modbus(int function, String name, AccessKind access) {
        return MessageSummary.of(Protocol.MODBUS, Direction.REQUEST, function, name, access)
                .withUnit(1);
    }

    static MessageSummary readHolding(int address, int quantity) {
        return modbus(3, "Read Holding Registers", AccessKind.READ).withRange(address, quantity);
    }

    static MessageSummary writeRegister(int address, int value) {
        return modbus(6, "Write Single Register", AccessKind.WRITE)
                .withRange(address, 1)
                .withAttribute("values", Integer.toString(value));
    }

    static MessageSummary writeCoil(int address, boolean on) {
        return modbus(5, "Write Single Coil", AccessKind.WRITE)
                .withRange(address, 1)
                .withAttribute("values", on ? "1" : "0");
    }
}
