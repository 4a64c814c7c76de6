package io.isthmus.wire.enip.cip;

/** The logical segment types of CIP Volume 1 section C-1.4.2 (bits 4..2 of the segment octet). */
public enum LogicalType {
    CLASS_ID,
    INSTANCE_ID,
    MEMBER_ID,
    CONNECTION_POINT,
    ATTRIBUTE_ID,
    SPECIAL,
    SERVICE_ID,
    RESERVED;

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final LogicalType[] VALUES = values();

    static LogicalType of(int segmentOctet) {
        return VALUES[(segmentOctet >> 2) & 0x07];
    }
}
