package io.isthmus.wire.modbus;

import java.util.Objects;

/** The outcome of looking for one MBAP frame at the start of some bytes. */
public sealed interface MbapDecode {

    /** A whole frame was found; it occupies the first {@code consumed} bytes. */
    record Complete(MbapFrame frame, int consumed) implements MbapDecode {
        public Complete {
            Objects.requireNonNull(frame, "frame");
            if (consumed != frame.encodedLength()) {
                throw new IllegalArgumentException(
                        "consumed " + consumed + " != frame length " + frame.encodedLength());
            }
        }
    }

    /** The bytes are a valid beginning; at least {@code bytesNeeded} more must arrive. */
    record NeedMore(int bytesNeeded) implements MbapDecode {
        public NeedMore {
            if (bytesNeeded < 1) {
                throw new IllegalArgumentException("bytesNeeded must be positive, was " + bytesNeeded);
            }
        }
    }

    /** The bytes are not a frame; {@code offset} is where the offending field starts. */
    record Malformed(MbapError error, int offset) implements MbapDecode {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }

        public String reason() {
            return error.description();
        }
    }
}
