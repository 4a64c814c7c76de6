package io.isthmus.wire.enip;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.Octets;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * EtherNet/IP explicit messaging and discovery: TCP and UDP port 44818. The content probe accepts
 * a header with a defined command, a defined status, options 0 and a length within the limit and
 * consistent with the command (RegisterSession carries 4 octets, list requests none); a header
 * cut short on port 44818 is {@link Confidence#PORT_ONLY}.
 */
public final class EnipDissectorFactory implements DissectorFactory {

    private final EnipLimits limits;

    public EnipDissectorFactory() {
        this(EnipLimits.DEFAULT);
    }

    public EnipDissectorFactory(EnipLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Protocol protocol() {
        return Protocol.ENIP;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        int at = firstPayload.position();
        int available = firstPayload.remaining();
        boolean wellKnown = serverPort == Protocol.ENIP.wellKnownPort().orElseThrow();
        byte[] b = Octets.of(firstPayload);
        return switch (Encapsulation.read(b, at, available, limits.maxEncapsulationLength())) {
            case EncapsulationRead.Invalid i -> Confidence.NO;
            case EncapsulationRead.Incomplete i ->
                available >= EnipLimits.HEADER_LENGTH
                        ? content(b, at, wellKnown)
                        : wellKnown ? Confidence.PORT_ONLY : Confidence.NO;
            case EncapsulationRead.Frame f -> content(b, at, wellKnown);
        };
    }

    private static Confidence content(byte[] b, int at, boolean wellKnown) {
        int command = Encapsulation.u16(b, at);
        int length = Encapsulation.u16(b, at + 2);
        long status = Encapsulation.u32(b, at + 8, 4);
        boolean plausible = EncapsulationCommand.of(command) != EncapsulationCommand.UNKNOWN
                && EncapsulationStatus.of(status) != EncapsulationStatus.UNKNOWN
                && EncapsulationCommand.of(command).plausibleLength(length);
        if (plausible) {
            return Confidence.CONTENT;
        }
        return wellKnown ? Confidence.PORT_ONLY : Confidence.NO;
    }

    @Override
    public Dissector newDissector() {
        return new EnipDissector(limits);
    }
}
