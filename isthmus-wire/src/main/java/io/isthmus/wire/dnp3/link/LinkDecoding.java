package io.isthmus.wire.dnp3.link;

import java.util.Objects;

/** The outcome of decoding one link frame at a buffer's position. */
public sealed interface LinkDecoding {

    /** A frame with good CRCs that used {@code consumed} bytes. */
    record Frame(LinkFrame frame, int consumed) implements LinkDecoding {}

    /** At least {@code bytes} more bytes are needed; never more than one maximum frame. */
    record NeedMore(int bytes) implements LinkDecoding {}

    /**
     * Rejected bytes: the problem starts {@code offset} bytes from the position and {@code skip}
     * bytes (always at least one) can be dropped before trying again.
     */
    record Invalid(LinkError error, String detail, int offset, int skip) implements LinkDecoding {
        public Invalid {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
            if (skip < 1) {
                throw new IllegalArgumentException("an invalid frame must let the caller skip at least one byte");
            }
        }
    }
}
