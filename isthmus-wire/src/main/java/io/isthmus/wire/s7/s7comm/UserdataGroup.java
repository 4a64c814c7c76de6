package io.isthmus.wire.s7.s7comm;

import io.isthmus.wire.CodeTable;

/** The function groups of userdata PDUs (low nibble of the type/group octet). */
public enum UserdataGroup {
    MODE_TRANSITION(0x0, "Mode transition"),
    PROGRAMMER_COMMANDS(0x1, "Programmer commands"),
    CYCLIC_SERVICES(0x2, "Cyclic services"),
    BLOCK_FUNCTIONS(0x3, "Block functions"),
    CPU_FUNCTIONS(0x4, "CPU functions"),
    SECURITY(0x5, "Security"),
    PBC(0x6, "PBC BSEND/BRECV"),
    TIME_FUNCTIONS(0x7, "Time functions"),
    NC_PROGRAMMING(0xF, "NC programming"),
    UNKNOWN(-1, "Unknown group");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final UserdataGroup[] VALUES = values();

    private final int code;
    private final String displayName;

    UserdataGroup(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The constants by their code (a nibble): an array read per userdata PDU, not a search. */
    private static final UserdataGroup[] BY_CODE = CodeTable.of(VALUES, g -> g.code, 0x10, UNKNOWN);

    public static UserdataGroup of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    public String displayName() {
        return displayName;
    }
}
