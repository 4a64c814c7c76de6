package io.isthmus.wire.iec104.apci;

import java.util.Objects;

/** The outcome of decoding one APDU at a buffer's position. */
public sealed interface ApduDecoding {

    /**
     * A complete APDU of {@code consumed} bytes; its ASDU (I-format only) starts {@code
     * asduOffset} bytes from the position and is {@code asduLength} bytes long.
     */
    record Apdu(Apci apci, int asduOffset, int asduLength, int consumed) implements ApduDecoding {
        public Apdu {
            Objects.requireNonNull(apci, "apci");
        }
    }

    /** At least {@code bytes} more bytes are needed, never more than one maximum APDU. */
    record NeedMore(int bytes) implements ApduDecoding {}

    /** Rejected bytes from {@code offset}; {@code skip} (at least 1) bytes can be dropped. */
    record Invalid(ApciError error, String detail, int offset, int skip) implements ApduDecoding {
        public Invalid {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
            if (skip < 1) {
                throw new IllegalArgumentException("an invalid APDU must let the caller skip at least one byte");
            }
        }
    }
}
