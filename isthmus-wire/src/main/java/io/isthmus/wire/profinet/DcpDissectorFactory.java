package io.isthmus.wire.profinet;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory;
import java.nio.ByteBuffer;

/**
 * Recognises PROFINET DCP in the payload of an Ethernet frame with EtherType 0x8892 (after any
 * 802.1Q tags): a DCP FrameID (0xFEFC-0xFEFF), a defined ServiceID and ServiceType, and a
 * DCPDataLength that fits the frame. DCP has no port, so {@code serverPort} is ignored and there
 * is no {@link Confidence#PORT_ONLY}; the packet decoder must hand this factory only 0x8892
 * payloads.
 */
public final class DcpDissectorFactory implements DissectorFactory {
    private final DcpLimits limits;

    public DcpDissectorFactory() {
        this(DcpLimits.DEFAULT);
    }

    public DcpDissectorFactory(DcpLimits limits) {
        this.limits = limits;
    }

    /** The EtherType PROFINET RT, and so DCP, travels under (IEC 61158-6-10). */
    public static final int ETHER_TYPE = 0x8892;

    @Override
    public Protocol protocol() {
        return Protocol.PN_DCP;
    }

    @Override
    public Confidence probe(ByteBuffer firstPayload, int serverPort) {
        int p = firstPayload.position();
        int n = firstPayload.remaining();
        if (n < DcpHeader.LENGTH) {
            return Confidence.NO;
        }
        boolean dcp = DcpFrameId.of(DcpHeader.u16(firstPayload, p)).isPresent()
                && DcpService.of(firstPayload.get(p + 2) & 0xFF) != DcpService.RESERVED
                && DcpServiceType.of(firstPayload.get(p + 3) & 0xFF) != DcpServiceType.UNKNOWN
                && DcpHeader.LENGTH + DcpHeader.u16(firstPayload, p + 10) <= n;
        return dcp ? Confidence.CONTENT : Confidence.NO;
    }

    @Override
    public DcpDissector newDissector() {
        return new DcpDissector(limits);
    }
}
