package io.isthmus.wire.s7.tpkt;

/** The outcome of reading a TPKT header at a stream position. */
public sealed interface TpktRead {

    /** A complete TPKT of {@code length} octets (header included) is available. */
    record Frame(int length) implements TpktRead {}

    /** {@code needed} more octets are required before the frame is complete. */
    record Incomplete(int needed) implements TpktRead {}

    /** The header is invalid; {@code value} is the offending field value. */
    record Invalid(TpktError error, int value) implements TpktRead {}
}
