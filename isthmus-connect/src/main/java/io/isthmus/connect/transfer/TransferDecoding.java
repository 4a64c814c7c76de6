package io.isthmus.connect.transfer;

import java.util.Objects;

/** The outcome of decoding bytes from the other side: the value, or why the bytes are not one. */
public sealed interface TransferDecoding<T> {

    record Decoded<T>(T value) implements TransferDecoding<T> {
        public Decoded {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param offset where the problem was found
     * @param detail the offending value, for a person
     */
    record Malformed<T>(TransferError error, int offset, String detail) implements TransferDecoding<T> {
        public Malformed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
