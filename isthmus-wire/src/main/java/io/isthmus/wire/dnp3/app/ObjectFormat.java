package io.isthmus.wire.dnp3.app;

/**
 * How one object of a group and variation is laid out on the wire, enough to skip it (IEEE
 * 1815-2012 object library, Annex A).
 */
public sealed interface ObjectFormat {

    /** A fixed number of octets per object. */
    record Fixed(int octets) implements ObjectFormat {}

    /** Packed {@code bits} per object without prefixes (binary and double-bit states, IIN). */
    record Packed(int bits) implements ObjectFormat {}

    /** Device attributes (group 0): data type octet, length octet, then that many value octets. */
    record DeviceAttribute() implements ObjectFormat {}

    /** No object data at all (class data, group 60). */
    record Empty() implements ObjectFormat {}

    /** Not in our table: the rest of the fragment cannot be walked without a size prefix. */
    record Unknown() implements ObjectFormat {}
}
