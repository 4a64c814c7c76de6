package io.isthmus.wire.modbus;

import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The two shapes of Modbus PDUs, checked against the bytes present before anything is read:
 * fixed length, and a header ending in a one-byte count of the bytes that follow.
 */
final class PduLayout {
    private PduLayout() {}

    static <T> PduDecode<T> ok(T value) {
        return new PduDecode.Ok<>(value);
    }

    static <T> PduDecode<T> malformed(PduError error, int offset) {
        return new PduDecode.Malformed<>(error, offset);
    }

    /** The PDU must be exactly {@code length} bytes. */
    static <T> PduDecode<T> exact(PduReader in, int length, Supplier<? extends T> value) {
        if (in.length() < length) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        if (in.length() > length) {
            return malformed(PduError.TRAILING_BYTES, length);
        }
        return ok(value.get());
    }

    /**
     * A count byte at {@code countOffset} followed by exactly that many bytes, which end the PDU;
     * {@code body} receives the count once the bytes are known to be there.
     */
    static <T> PduDecode<T> counted(PduReader in, int countOffset, IntFunction<PduDecode<T>> body) {
        if (in.length() <= countOffset) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        int count = in.u8(countOffset);
        int end = countOffset + 1 + count;
        if (in.length() < end) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        if (in.length() > end) {
            return malformed(PduError.TRAILING_BYTES, end);
        }
        return body.apply(count);
    }

    /** Sub-function plus N x 2 data bytes (section 6.8), the same both ways. */
    static <T> PduDecode<T> diagnostics(PduReader in, DiagnosticsFactory<T> factory) {
        if (in.length() < 3) {
            return malformed(PduError.TRUNCATED, in.length());
        }
        int dataLength = in.length() - 3;
        if (dataLength % 2 != 0) {
            return malformed(PduError.ODD_LENGTH, 3);
        }
        return ok(factory.create(in.u16(1), in.bytes(3, dataLength)));
    }

    @FunctionalInterface
    interface DiagnosticsFactory<T> {
        T create(int subFunction, byte[] data);
    }
}
