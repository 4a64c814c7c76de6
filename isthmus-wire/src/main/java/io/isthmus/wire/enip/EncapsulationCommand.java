package io.isthmus.wire.enip;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.CodeTable;

/**
 * The encapsulation commands of CIP Volume 2 section 2-3.2 table 2-3.2. The three list commands
 * find devices and what they offer (also sent as UDP broadcasts), so they are {@link
 * AccessKind#DISCOVERY}; session management is {@link AccessKind#DIAGNOSTIC}; the two data
 * commands take the access kind of the CIP messages they carry.
 */
public enum EncapsulationCommand {
    NOP(0x0000, "NOP", AccessKind.DIAGNOSTIC),
    LIST_SERVICES(0x0004, "ListServices", AccessKind.DISCOVERY),
    LIST_IDENTITY(0x0063, "ListIdentity", AccessKind.DISCOVERY),
    LIST_INTERFACES(0x0064, "ListInterfaces", AccessKind.DISCOVERY),
    REGISTER_SESSION(0x0065, "RegisterSession", AccessKind.DIAGNOSTIC),
    UNREGISTER_SESSION(0x0066, "UnRegisterSession", AccessKind.DIAGNOSTIC),
    SEND_RR_DATA(0x006F, "SendRRData", AccessKind.DIAGNOSTIC),
    SEND_UNIT_DATA(0x0070, "SendUnitData", AccessKind.DIAGNOSTIC),
    INDICATE_STATUS(0x0072, "IndicateStatus", AccessKind.DIAGNOSTIC),
    CANCEL(0x0073, "Cancel", AccessKind.DIAGNOSTIC),
    /** A code the table reserves (0x0001-0x0003 for legacy use) or does not define. */
    UNKNOWN(-1, "Unknown", AccessKind.DIAGNOSTIC);

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final EncapsulationCommand[] VALUES = values();

    private final int code;
    private final String displayName;
    private final AccessKind access;

    EncapsulationCommand(int code, String displayName, AccessKind access) {
        this.code = code;
        this.displayName = displayName;
        this.access = access;
    }

    /**
     * The command by code for codes 0..0xFF (every defined one; UNKNOWN elsewhere): asked several
     * times per message, and by the resynchronisation at every octet it tries.
     */
    private static final EncapsulationCommand[] BY_CODE = CodeTable.of(VALUES, c -> c.code, 0x100, UNKNOWN);

    public static EncapsulationCommand of(int code) {
        if (code >= 0 && code < BY_CODE.length) {
            return BY_CODE[code];
        }
        for (EncapsulationCommand c : VALUES) {
            if (c.code == code) {
                return c;
            }
        }
        return UNKNOWN;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public AccessKind access() {
        return access;
    }

    /**
     * True when a message of this command can have {@code length} data octets (Volume 2 section
     * 2-4): RegisterSession carries 4, UnRegisterSession and the list requests none or a reply,
     * the send commands at least an interface handle, a timeout and an item count, and a NOP is
     * taken as plausible only without data.
     */
    public boolean plausibleLength(int length) {
        return switch (this) {
            case REGISTER_SESSION -> length == 4;
            case UNREGISTER_SESSION, NOP -> length == 0;
            case SEND_RR_DATA, SEND_UNIT_DATA -> length >= 8;
            case LIST_SERVICES, LIST_IDENTITY, LIST_INTERFACES, INDICATE_STATUS, CANCEL, UNKNOWN -> true;
        };
    }
}
