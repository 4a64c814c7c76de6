package io.isthmus.wire.capture;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The interface description options that change how packets are read (pcapng 4.2): {@code
 * if_tsresol} (code 9) and {@code if_tsoffset} (code 14). Other options are skipped; a malformed
 * option list ends the walk without failing the block, since the packets remain readable.
 */
record InterfaceOptions(Optional<TimeResolution> resolution, int rawResolution, long timestampOffsetSeconds) {
    private static final int END_OF_OPTIONS = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;
    /** The default when {@code if_tsresol} is absent: microseconds. */
    private static final int DEFAULT_RESOLUTION = 6;

    static InterfaceOptions read(ByteBuffer in, int from, int to, boolean bigEndian) {
        int raw = DEFAULT_RESOLUTION;
        long offsetSeconds = 0;
        int p = from;
        while (p + 4 <= to) {
            int code = Endian.u16(in, p, bigEndian);
            int length = Endian.u16(in, p + 2, bigEndian);
            if (code == END_OF_OPTIONS || p + 4 + length > to) {
                break;
            }
            if (code == IF_TSRESOL && length >= 1) {
                raw = in.get(p + 4) & 0xFF;
            } else if (code == IF_TSOFFSET && length >= 8) {
                offsetSeconds = Endian.i64(in, p + 4, bigEndian);
            }
            p += 4 + ((length + 3) & ~3);
        }
        return new InterfaceOptions(TimeResolution.ofOptionByte(raw), raw, offsetSeconds);
    }
}
