package io.isthmus.connect.transfer.frame;

/** Why a datagram is not a valid diode frame; the receiver counts each kind. */
public enum FrameError {
    /** Shorter than the smallest frame of its type. */
    TOO_SHORT,
    /** Longer than {@link FrameLimits#maxDatagramBytes}. */
    TOO_LONG,
    /** Not the diode magic: some other traffic reached the port. */
    BAD_MAGIC,
    /** A format version this receiver does not know. */
    BAD_VERSION,
    /** A type code this receiver does not know. */
    BAD_TYPE,
    /** The CRC-32C over the frame does not match: bits flipped on the way. */
    BAD_CRC,
    /** A count, index or length outside the limits or inconsistent with the others. */
    BAD_FIELD,
    /** Bytes left over after the last field. */
    TRAILING_BYTES
}
