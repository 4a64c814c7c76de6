package io.isthmus.wire.modbus.rtu;

import java.util.Objects;

/** The outcome of looking for one RTU frame at the start of some bytes. */
public sealed interface RtuDecode {

    /** A whole frame with a good CRC occupies the first {@code consumed} bytes. */
    record Complete(RtuFrame frame, int consumed) implements RtuDecode {
        public Complete {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** A valid beginning; at least {@code bytesNeeded} more bytes must arrive. */
    record NeedMore(int bytesNeeded) implements RtuDecode {
        public NeedMore {
            if (bytesNeeded < 1) {
                throw new IllegalArgumentException("bytesNeeded must be positive, was " + bytesNeeded);
            }
        }
    }

    /**
     * Not a frame. {@code offset} is where the offending field starts; for {@link
     * RtuError#CRC_MISMATCH} {@code expected} is the CRC computed over the frame and {@code actual}
     * the one received, otherwise both are -1.
     */
    record Malformed(RtuError error, int offset, int expected, int actual) implements RtuDecode {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }

        public String reason() {
            return error == RtuError.CRC_MISMATCH
                    ? String.format("%s: computed 0x%04X, received 0x%04X", error.description(), expected, actual)
                    : error.description();
        }
    }
}
