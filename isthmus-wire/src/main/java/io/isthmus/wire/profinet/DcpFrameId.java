package io.isthmus.wire.profinet;

import java.util.Optional;

/**
 * The PROFINET RT FrameIDs that carry DCP (IEC 61158-6-10): every other FrameID on EtherType
 * 0x8892 is cyclic data or an alarm, not DCP.
 */
public enum DcpFrameId {
    /** 0xFEFC: DCP-Hello, multicast from a device announcing itself. */
    HELLO(0xFEFC),
    /** 0xFEFD: DCP-Get and DCP-Set, unicast requests and responses. */
    GET_SET(0xFEFD),
    /** 0xFEFE: DCP-Identify request, multicast. */
    IDENTIFY_REQUEST(0xFEFE),
    /** 0xFEFF: DCP-Identify response, unicast. */
    IDENTIFY_RESPONSE(0xFEFF);

    private final int code;

    DcpFrameId(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final DcpFrameId[] VALUES = values();

    public static Optional<DcpFrameId> of(int code) {
        return code >= 0xFEFC && code <= 0xFEFF ? Optional.of(VALUES[code - 0xFEFC]) : Optional.empty();
    }

    /** The service this FrameID may carry: Hello, Get or Set, Identify. */
    public boolean carries(DcpService service) {
        return switch (this) {
            case HELLO -> service == DcpService.HELLO;
            case GET_SET -> service == DcpService.GET || service == DcpService.SET;
            case IDENTIFY_REQUEST, IDENTIFY_RESPONSE -> service == DcpService.IDENTIFY;
        };
    }
}
