package io.isthmus.wire.enip;

/** Common Packet Format item type ids (CIP Volume 2 section 2-6.3 table 2-6.3). */
public enum CpfItemType {
    NULL_ADDRESS(0x0000),
    CIP_IDENTITY(0x000C),
    CIP_SECURITY_INFORMATION(0x0086),
    ENIP_CAPABILITY(0x0087),
    CONNECTED_ADDRESS(0x00A1),
    CONNECTED_DATA(0x00B1),
    UNCONNECTED_DATA(0x00B2),
    LIST_SERVICES_RESPONSE(0x0100),
    SOCKADDR_O_T(0x8000),
    SOCKADDR_T_O(0x8001),
    SEQUENCED_ADDRESS(0x8002),
    UNCONNECTED_MESSAGE_DTLS(0x8003),
    UNKNOWN(-1);

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final CpfItemType[] VALUES = values();

    private final int code;

    CpfItemType(int code) {
        this.code = code;
    }

    public static CpfItemType of(int code) {
        switch (code) { // the items of every SendRRData and SendUnitData first
            case 0x0000:
                return NULL_ADDRESS;
            case 0x00A1:
                return CONNECTED_ADDRESS;
            case 0x00B1:
                return CONNECTED_DATA;
            case 0x00B2:
                return UNCONNECTED_DATA;
            default:
                break;
        }
        for (CpfItemType t : VALUES) {
            if (t.code == code) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
