package io.isthmus.wire.enip;

/** The outcome of reading an encapsulation header at a stream position. */
public sealed interface EncapsulationRead {

    /** A complete message (header and {@code header.length()} data octets) is available. */
    record Frame(EncapsulationHeader header) implements EncapsulationRead {}

    /** {@code needed} more octets are required. */
    record Incomplete(int needed) implements EncapsulationRead {}

    /** The header is invalid; {@code value} is the offending field. */
    record Invalid(EnipError error, long value) implements EncapsulationRead {}
}
