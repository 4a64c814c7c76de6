package io.isthmus.wire.enip.cip;

import java.util.Arrays;

/**
 * Object classes whose object-specific services Isthmus names, from CIP Volume 1 chapter 5 and
 * the Rockwell Logix objects EtherNet/IP controllers expose.
 */
public enum CipClass {
    IDENTITY(0x01, "Identity"),
    MESSAGE_ROUTER(0x02, "Message Router"),
    ASSEMBLY(0x04, "Assembly"),
    CONNECTION_MANAGER(0x06, "Connection Manager"),
    PARAMETER(0x0F, "Parameter"),
    FILE(0x37, "File"),
    TIME_SYNC(0x43, "Time Sync"),
    PCCC(0x67, "PCCC"),
    SYMBOL(0x6B, "Symbol"),
    TEMPLATE(0x6C, "Template"),
    NON_VOLATILE_STORAGE(0xA1, "Non-Volatile Storage"),
    PORT(0xF4, "Port"),
    TCP_IP_INTERFACE(0xF5, "TCP/IP Interface"),
    ETHERNET_LINK(0xF6, "Ethernet Link"),
    OTHER(-1, "Other");

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final CipClass[] VALUES = values();

    /** By 8-bit class id (the common classes); the first constant wins. */
    private static final CipClass[] BY_CODE = new CipClass[256];

    static {
        Arrays.fill(BY_CODE, OTHER);
        for (int i = VALUES.length - 1; i >= 0; i--) {
            CipClass c = VALUES[i];
            if (c.code >= 0 && c.code < BY_CODE.length) {
                BY_CODE[(int) c.code] = c;
            }
        }
    }

    private final int code;
    private final String displayName;

    CipClass(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public static CipClass of(long code) {
        if (code >= 0 && code < BY_CODE.length) { // asked per CIP request and per described reply
            return BY_CODE[(int) code];
        }
        for (CipClass c : VALUES) {
            if (c.code == code) {
                return c;
            }
        }
        return OTHER;
    }

    public String displayName() {
        return displayName;
    }
}
