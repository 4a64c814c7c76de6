package io.isthmus.observe.timing;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;

/** Hand-made Modbus observations for timing tests: a request or a paired response at a time. */
final class Observations {
    static final IpAddress HMI = IpAddress.ofIpv4(0x0A00_0001);
    static final IpAddress PLC = IpAddress.ofIpv4(0x0A00_0002);

    private Observations() {}

    static Observation request(long ms, int address) {
        MessageSummary m = MessageSummary.of(
                        Protocol.MODBUS, Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ)
                .withUnit(1)
                .withRange(address, 10);
        return new Observation(
                Optional.empty(), ms * 1_000_000L, Optional.of(HMI), Optional.of(PLC), 40000, 502, -1, -1, -1, m);
    }

    static Observation response(long ms, long latencyMicros) {
        MessageSummary m = MessageSummary.of(
                        Protocol.MODBUS, Direction.RESPONSE, 3, "Read Holding Registers", AccessKind.READ)
                .withUnit(1);
        return new Observation(
                Optional.empty(),
                ms * 1_000_000L,
                Optional.of(PLC),
                Optional.of(HMI),
                502,
                40000,
                -1,
                -1,
                latencyMicros * 1_000L,
                m);
    }
}
