package io.isthmus.wire.bacnet.encoding;

/** A BACnetObjectIdentifier (ASHRAE 135 clause 20.2.14): object type and 22-bit instance. */
public record ObjectIdentifier(int type, int instance) {

    /** Instance 4194303 is the wildcard "this device" (clause 12.11.1 and 15.5.2). */
    public static final int WILDCARD_INSTANCE = 0x3FFFFF;

    public static ObjectIdentifier of(long raw) {
        return new ObjectIdentifier((int) (raw >>> 22 & 0x3FF), (int) (raw & 0x3FFFFF));
    }
}
