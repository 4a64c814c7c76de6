package io.isthmus.connect.transfer.frame;

/** The outcome of decoding one datagram: a frame, or why it is not one. */
public sealed interface FrameDecoding {
    record Decoded(DiodeFrame frame) implements FrameDecoding {}

    /** @param offset where in the datagram the problem was found */
    record Malformed(FrameError error, int offset, String detail) implements FrameDecoding {}
}
