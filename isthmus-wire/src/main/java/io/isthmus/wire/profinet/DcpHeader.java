package io.isthmus.wire.profinet;

import java.nio.ByteBuffer;

/**
 * The FrameID and DCP header (IEC 61158-6-10): ServiceID, ServiceType, Xid, ResponseDelay (in an
 * Identify request; reserved elsewhere) and DCPDataLength, all big-endian.
 */
public record DcpHeader(
        DcpFrameId frameId, int serviceId, int serviceType, long xid, int responseDelay, int dataLength) {

    /** Octets of FrameID and DCP header. */
    public static final int LENGTH = 12;

    /** Reads the header at {@code start}; the caller has checked 12 octets and a DCP FrameID. */
    static DcpHeader read(ByteBuffer b, int start, DcpFrameId frameId) {
        long xid = (long) u16(b, start + 4) << 16 | u16(b, start + 6);
        return new DcpHeader(
                frameId, b.get(start + 2) & 0xFF, b.get(start + 3) & 0xFF, xid, u16(b, start + 8), u16(b, start + 10));
    }

    /** A big-endian UInt16, whatever the buffer's byte order. */
    static int u16(ByteBuffer b, int index) {
        return (b.get(index) & 0xFF) << 8 | b.get(index + 1) & 0xFF;
    }

    public DcpService service() {
        return DcpService.of(serviceId);
    }

    public DcpServiceType type() {
        return DcpServiceType.of(serviceType);
    }
}
