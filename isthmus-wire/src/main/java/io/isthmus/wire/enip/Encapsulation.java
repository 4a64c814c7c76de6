package io.isthmus.wire.enip;

import io.isthmus.wire.Octets;

/**
 * Stream framing of EtherNet/IP (CIP Volume 2 section 2-3): a 24-octet header whose length field
 * gives the data that follows. TCP has no other marker, so the header's fixed values stand in for
 * one and are checked as soon as their octets arrive: the command's high octet is 0 (all commands
 * are below 0x0100), the status is below 0x100 and options are 0 (section 2-3.1: a receiver
 * discards messages with other options). A prefix of a valid header is always incomplete, never
 * invalid; an invalid header is skipped to the next position that could start one.
 *
 * <p>Octets are read from the dissector's array ({@link Octets}); {@code available} counts those
 * present from {@code at}, and nothing at or beyond {@code at + available} is read.
 */
public final class Encapsulation {

    private Encapsulation() {}

    public static EncapsulationRead read(byte[] b, int at, int available, int maxLength) {
        if (available >= 2 && b[at + 1] != 0) {
            return new EncapsulationRead.Invalid(EnipError.HEADER_INVALID, u16(b, at));
        }
        if (available >= 4 && u16(b, at + 2) > maxLength) {
            return new EncapsulationRead.Invalid(EnipError.LENGTH_EXCEEDS_LIMIT, u16(b, at + 2));
        }
        for (int i = 9; i < Math.min(available, 12); i++) {
            if (b[at + i] != 0) {
                return new EncapsulationRead.Invalid(EnipError.HEADER_INVALID, u32(b, at + 8, available - 8));
            }
        }
        for (int i = 20; i < Math.min(available, EnipLimits.HEADER_LENGTH); i++) {
            if (b[at + i] != 0) {
                return new EncapsulationRead.Invalid(EnipError.HEADER_INVALID, u32(b, at + 20, available - 20));
            }
        }
        if (available < EnipLimits.HEADER_LENGTH) {
            return new EncapsulationRead.Incomplete(EnipLimits.HEADER_LENGTH - available);
        }
        EncapsulationHeader h = header(b, at);
        return available < h.totalLength()
                ? new EncapsulationRead.Incomplete(h.totalLength() - available)
                : new EncapsulationRead.Frame(h);
    }

    /**
     * Octets of the whole message at {@code at} (header plus data) when {@link #read} would return
     * a {@link EncapsulationRead.Frame} (the header valid and the whole message present), else -1:
     * the same checks in one go, without a result or header object, for the dissector's usual case
     * (the dissector reads the header's fields in place).
     */
    public static int frameLength(byte[] b, int at, int available, int maxLength) {
        if (available < EnipLimits.HEADER_LENGTH
                || b[at + 1] != 0
                || u16(b, at + 2) > maxLength
                || (b[at + 9] | b[at + 10] | b[at + 11]) != 0
                || Octets.u32le(b, at + 20) != 0
                || available < EnipLimits.HEADER_LENGTH + u16(b, at + 2)) {
            return -1;
        }
        return EnipLimits.HEADER_LENGTH + u16(b, at + 2);
    }

    /**
     * Octets to drop after an invalid header to reach a position that could start one; 1..available.
     * A candidate must also name a defined command with a length that command can have ({@link
     * EncapsulationCommand#plausibleLength}): without that, runs of zeros, which are everywhere in
     * CIP data, would pass for NOPs.
     */
    public static int resync(byte[] b, int at, int available, int maxLength) {
        return 1 + candidate(b, at + 1, available - 1, maxLength);
    }

    /**
     * Octets from {@code at} to the first position that could start a message after damage (0 when
     * {@code at} itself could), or {@code available} when none could.
     */
    public static int candidate(byte[] b, int at, int available, int maxLength) {
        for (int skip = 0; skip < available; skip++) {
            if (plausible(b, at + skip, available - skip)
                    && !(read(b, at + skip, available - skip, maxLength) instanceof EncapsulationRead.Invalid)) {
                return skip;
            }
        }
        return available;
    }

    /**
     * True when the octets present (perhaps fewer than a header) fit a defined command other than
     * NOP: a NOP header is 24 zero octets, which CIP padding and zero-filled data produce at every
     * turn, so after damage the stream never resynchronises on one.
     */
    static boolean plausible(byte[] b, int at, int available) {
        if (available < 2) {
            int low = b[at] & 0xFF;
            return low != 0 && EncapsulationCommand.of(low) != EncapsulationCommand.UNKNOWN;
        }
        EncapsulationCommand command = EncapsulationCommand.of(u16(b, at));
        return command != EncapsulationCommand.UNKNOWN
                && command != EncapsulationCommand.NOP
                && (available < 4 || command.plausibleLength(u16(b, at + 2)));
    }

    private static EncapsulationHeader header(byte[] b, int at) {
        return new EncapsulationHeader(
                u16(b, at),
                u16(b, at + 2),
                session(b, at),
                status(b, at),
                senderContext(b, at),
                Octets.u32le(b, at + 20));
    }

    /** The command of the header at {@code at} (its 24 octets present). */
    static int command(byte[] b, int at) {
        return u16(b, at);
    }

    /** The length of the data after the header at {@code at}. */
    static int dataLength(byte[] b, int at) {
        return u16(b, at + 2);
    }

    static long session(byte[] b, int at) {
        return Octets.u32le(b, at + 4);
    }

    static long status(byte[] b, int at) {
        return Octets.u32le(b, at + 8);
    }

    /** The 8 octets of the sender context read little-endian as one value. */
    static long senderContext(byte[] b, int at) {
        return Octets.u32le(b, at + 12) | Octets.u32le(b, at + 16) << 32;
    }

    static int u16(byte[] b, int at) {
        return Octets.u16le(b, at);
    }

    /** Up to four little-endian octets (fewer when the header is cut short). */
    static long u32(byte[] b, int at, int available) {
        long v = 0;
        for (int i = Math.min(4, available) - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
