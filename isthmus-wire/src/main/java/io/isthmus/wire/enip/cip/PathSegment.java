package io.isthmus.wire.enip.cip;

/** One segment of a padded EPATH (CIP Volume 1 appendix C-1). */
public sealed interface PathSegment {

    /** Port segment (type 0): leave through {@code port} to {@code linkAddress}. */
    record Port(int port, String linkAddress) implements PathSegment {}

    /** Logical segment (type 1): class, instance, attribute and the like, 8, 16 or 32 bits. */
    record Logical(LogicalType type, long value) implements PathSegment {}

    /** Symbolic segment (type 3) or ANSI extended symbol (data segment 0x91): a tag name. */
    record Symbolic(String name) implements PathSegment {}

    /** Simple data segment (0x80): {@code words} 16-bit words of data. */
    record Data(int words) implements PathSegment {}

    /** Network segment (type 2), kept by its subtype octet. */
    record Network(int subtype) implements PathSegment {}
}
