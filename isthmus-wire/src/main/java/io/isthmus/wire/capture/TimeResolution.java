package io.isthmus.wire.capture;

import java.util.Optional;

/**
 * The unit of an interface's timestamps: 10^-exponent or 2^-exponent seconds (pcapng {@code
 * if_tsresol}, RFC draft-ietf-opsawg-pcapng 4.2: most significant bit set means a power of two).
 * Converts tick counts to epoch nanoseconds, saturating instead of overflowing on hostile values.
 */
public record TimeResolution(boolean binary, int exponent) {

    public static final TimeResolution MICROSECONDS = new TimeResolution(false, 6);
    public static final TimeResolution NANOSECONDS = new TimeResolution(false, 9);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = powersOfTen();

    public TimeResolution {
        if (exponent < 0 || exponent > (binary ? 63 : 18)) {
            throw new IllegalArgumentException("timestamp exponent out of range: " + exponent);
        }
    }

    /** The resolution an {@code if_tsresol} option byte names, or empty when it cannot be represented. */
    public static Optional<TimeResolution> ofOptionByte(int value) {
        boolean binary = (value & 0x80) != 0;
        int exponent = value & 0x7F;
        if (exponent > (binary ? 63 : 18)) {
            return Optional.empty();
        }
        return Optional.of(new TimeResolution(binary, exponent));
    }

    /** Nanoseconds for an unsigned count of ticks, saturated to {@link Long#MAX_VALUE}. */
    public long toNanos(long ticks) {
        if (ticks < 0) {
            return Long.MAX_VALUE;
        }
        return binary ? binaryToNanos(ticks) : decimalToNanos(ticks);
    }

    private long decimalToNanos(long ticks) {
        if (exponent >= 9) {
            return ticks / POWERS_OF_TEN[exponent - 9];
        }
        return saturatingMultiply(ticks, POWERS_OF_TEN[9 - exponent]);
    }

    private long binaryToNanos(long ticks) {
        if (exponent == 0) {
            return saturatingMultiply(ticks, NANOS_PER_SECOND);
        }
        long seconds = ticks >>> exponent;
        long fraction = ticks & ((1L << exponent) - 1);
        long high = Math.unsignedMultiplyHigh(fraction, NANOS_PER_SECOND);
        long low = fraction * NANOS_PER_SECOND;
        long fractionNanos = (low >>> exponent) | (high << (64 - exponent));
        return saturatingAdd(saturatingMultiply(seconds, NANOS_PER_SECOND), fractionNanos);
    }

    static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return (r < a) ? Long.MAX_VALUE : r;
    }

    private static long[] powersOfTen() {
        long[] p = new long[19];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * 10;
        }
        return p;
    }
}
