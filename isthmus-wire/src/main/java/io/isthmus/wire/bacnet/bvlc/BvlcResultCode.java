package io.isthmus.wire.bacnet.bvlc;

/** The result codes of a BVLC-Result (ASHRAE 135 Annex J.2.1.1); every non-zero code is a NAK. */
public enum BvlcResultCode {
    SUCCESSFUL_COMPLETION(0x0000, "Successful completion"),
    WRITE_BDT_NAK(0x0010, "Write-Broadcast-Distribution-Table NAK"),
    READ_BDT_NAK(0x0020, "Read-Broadcast-Distribution-Table NAK"),
    REGISTER_FOREIGN_DEVICE_NAK(0x0030, "Register-Foreign-Device NAK"),
    READ_FDT_NAK(0x0040, "Read-Foreign-Device-Table NAK"),
    DELETE_FDT_ENTRY_NAK(0x0050, "Delete-Foreign-Device-Table-Entry NAK"),
    DISTRIBUTE_BROADCAST_TO_NETWORK_NAK(0x0060, "Distribute-Broadcast-To-Network NAK"),
    UNKNOWN(-1, "unknown result");

    private final int code;
    private final String specName;

    BvlcResultCode(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final BvlcResultCode[] VALUES = values();

    public static BvlcResultCode of(int code) {
        for (BvlcResultCode r : VALUES) {
            if (r.code == code) {
                return r;
            }
        }
        return UNKNOWN;
    }
}
