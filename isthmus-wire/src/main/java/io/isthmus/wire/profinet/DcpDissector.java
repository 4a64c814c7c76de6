package io.isthmus.wire.profinet;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Dissects PROFINET DCP (IEC 61158-6-10) frames. The buffer holds one Ethernet frame's payload
 * after EtherType 0x8892 (and after any 802.1Q tags the packet decoder removed): FrameID, DCP
 * header, blocks, then possibly Ethernet padding, which DCPDataLength excludes. Each call consumes
 * the whole payload and gives one summary. PROFINET RT frames with other FrameIDs (cyclic data,
 * alarms) are consumed without a summary. Stateless.
 */
public final class DcpDissector implements Dissector {
    private final DcpLimits limits;

    public DcpDissector(DcpLimits limits) {
        this.limits = limits;
    }

    @Override
    public Protocol protocol() {
        return Protocol.PN_DCP;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        int start = data.position();
        int frame = data.remaining();
        if (frame < 2) {
            return new Dissection.Malformed(truncated(frame), 0, frame);
        }
        Optional<DcpFrameId> frameId = DcpFrameId.of(DcpHeader.u16(data, start));
        if (frameId.isEmpty()) {
            return new Dissection.Messages(List.of(), frame);
        }
        if (frame < DcpHeader.LENGTH) {
            return new Dissection.Malformed(truncated(frame), 0, frame);
        }
        DcpHeader header = DcpHeader.read(data, start, frameId.get());
        DcpSummary summary = new DcpSummary();
        checkHeader(header, frame, summary);
        int end = start + Math.min(DcpHeader.LENGTH + header.dataLength(), frame);
        DcpBlocks.Result blocks = DcpBlocks.read(data, start + DcpHeader.LENGTH, end, layout(header), limits);
        blocks.anomaly().ifPresent(summary::anomaly);
        DcpDescriber.describe(header, blocks.entries(), summary);
        return new Dissection.Messages(summary.build(header, DcpAccess.of(header.service(), blocks.entries())), frame);
    }

    private static void checkHeader(DcpHeader header, int frame, DcpSummary summary) {
        if (DcpHeader.LENGTH + header.dataLength() > frame) {
            summary.anomaly(new Anomaly(
                    "pn_dcp_data_length_exceeds_frame",
                    "DCPDataLength " + header.dataLength() + " but " + (frame - DcpHeader.LENGTH)
                            + " octets follow the header"));
        }
        if (header.service() == DcpService.RESERVED) {
            summary.anomaly(new Anomaly("pn_dcp_service_reserved", "ServiceID " + header.serviceId() + " is reserved"));
        } else if (!header.frameId().carries(header.service())) {
            summary.anomaly(new Anomaly(
                    "pn_dcp_service_frame_mismatch",
                    header.service().specName() + " in a frame with FrameID "
                            + String.format("0x%04X", header.frameId().code())));
        }
        if (header.type() == DcpServiceType.UNKNOWN) {
            summary.anomaly(new Anomaly(
                    "pn_dcp_service_type_unknown", "ServiceType " + header.serviceType() + " is undefined"));
        }
    }

    private static DcpBlocks.Layout layout(DcpHeader header) {
        if (header.type().response()) {
            return DcpBlocks.Layout.INFO;
        }
        return switch (header.service()) {
            case IDENTIFY -> DcpBlocks.Layout.FILTER;
            case SET -> DcpBlocks.Layout.QUALIFIER;
            case GET -> DcpBlocks.Layout.OPTION_LIST;
            case HELLO, MANUFACTURER_1, MANUFACTURER_2, RESERVED -> DcpBlocks.Layout.INFO;
        };
    }

    private static Anomaly truncated(int frame) {
        return new Anomaly("pn_dcp_truncated", "a DCP frame needs 12 octets of FrameID and header, it has " + frame);
    }
}
