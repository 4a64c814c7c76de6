package io.isthmus.wire.modbus;

import java.nio.ByteBuffer;

/**
 * Finding the next plausible MBAP header after damage (Modbus Messaging on TCP/IP Implementation
 * Guide V1.0b, section 3.1.3). The length field is the only framing, so a sensor that lost it looks
 * for eight bytes that read as a header: protocol id 0, a length of 2 up to the limits, and a
 * function code byte of 1..127 (with or without the exception bit). The factory's content probe
 * uses the same test with the specification's length and a public or user-defined function code.
 */
final class MbapResync {
    /** Header plus function code: the bytes a plausibility check reads. */
    static final int PROBE_BYTES = ModbusLimits.MBAP_HEADER_LENGTH + 1;

    private MbapResync() {}

    /**
     * The offset (from {@code data.position()}, at least {@code from}) of the first plausible
     * header, or -1 when none starts before the last {@link #PROBE_BYTES} bytes.
     */
    static int nextHeader(ByteBuffer data, int from, ModbusLimits limits) {
        int start = data.position();
        int last = data.remaining() - PROBE_BYTES;
        for (int i = from; i <= last; i++) {
            if (plausible(data, start + i, limits)) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes that can go without losing a header that may start in the tail: at least 1. */
    static int safeSkip(ByteBuffer data) {
        return Math.max(1, data.remaining() - PROBE_BYTES + 1);
    }

    /** Whether the eight bytes at absolute {@code index} read as an MBAP header and function code. */
    static boolean plausible(ByteBuffer data, int index, ModbusLimits limits) {
        return plausible(data, index, limits, false);
    }

    /**
     * @param knownFunction require a public or user-defined function code; otherwise any code 1..127
     *     (vendor codes such as 90, UMAS) with or without the exception bit passes
     */
    static boolean plausible(ByteBuffer data, int index, ModbusLimits limits, boolean knownFunction) {
        if (data.get(index + 2) != 0 || data.get(index + 3) != 0) {
            return false;
        }
        int length = ((data.get(index + 4) & 0xFF) << 8) | (data.get(index + 5) & 0xFF);
        if (length < 2 || length > limits.maxMbapLength()) {
            return false;
        }
        int fc = data.get(index + ModbusLimits.MBAP_HEADER_LENGTH) & 0xFF & ~FunctionCode.EXCEPTION_BIT;
        return fc != 0 && (!knownFunction || ModbusFunctionNames.isPublic(fc) || ModbusFunctionNames.isUserDefined(fc));
    }
}
