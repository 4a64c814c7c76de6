package io.isthmus.wire.profinet;

import io.isthmus.model.AccessKind;

/**
 * DCP ServiceIDs (IEC 61158-6-10, DCP PDU header). Identify and Hello find devices: {@link
 * AccessKind#DISCOVERY}; Get reads a device's parameters: {@link AccessKind#READ}; Set's kind
 * depends on its blocks (see {@link DcpAccess}). The manufacturer-specific services 1 and 2 do
 * what the vendor decided, so they count as {@link AccessKind#CONTROL}.
 */
public enum DcpService {
    MANUFACTURER_1(1, "Manufacturer specific", AccessKind.CONTROL),
    MANUFACTURER_2(2, "Manufacturer specific", AccessKind.CONTROL),
    GET(3, "Get", AccessKind.READ),
    SET(4, "Set", AccessKind.WRITE),
    IDENTIFY(5, "Identify", AccessKind.DISCOVERY),
    HELLO(6, "Hello", AccessKind.DISCOVERY),
    /** 0 and 7-255 are reserved. */
    RESERVED(-1, "Reserved", AccessKind.DIAGNOSTIC);

    private final int code;
    private final String specName;
    private final AccessKind access;

    DcpService(int code, String specName, AccessKind access) {
        this.code = code;
        this.specName = specName;
        this.access = access;
    }

    public int code() {
        return code;
    }

    public String specName() {
        return specName;
    }

    public AccessKind access() {
        return access;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final DcpService[] VALUES = values();

    public static DcpService of(int code) {
        return code >= 1 && code <= 6 ? VALUES[code - 1] : RESERVED;
    }
}
