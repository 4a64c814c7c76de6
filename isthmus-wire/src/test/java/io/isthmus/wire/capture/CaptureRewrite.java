package io.isthmus.wire.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites little-endian captures into the variants the shared set lacks: big-endian pcap,
 * nanosecond pcap and big-endian pcapng. Field layouts from draft-ietf-opsawg-pcap 4-5 and
 * draft-ietf-opsawg-pcapng 4.1-4.6.
 */
final class CaptureRewrite {
    private CaptureRewrite() {}

    /** A little-endian microsecond pcap as big-endian and/or nanosecond. */
    static byte[] pcap(byte[] le, boolean toBigEndian, boolean toNanos) {
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out =
                ByteBuffer.allocate(le.length).order(toBigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        out.putInt(toNanos ? 0xA1B23C4D : 0xA1B2C3D4);
        out.putShort(in.getShort(4)).putShort(in.getShort(6));
        out.putInt(in.getInt(8)).putInt(in.getInt(12)).putInt(in.getInt(16)).putInt(in.getInt(20));
        int p = 24;
        while (p + 16 <= le.length) {
            int captured = in.getInt(p + 8);
            out.putInt(in.getInt(p));
            out.putInt(toNanos ? in.getInt(p + 4) * 1000 : in.getInt(p + 4));
            out.putInt(captured).putInt(in.getInt(p + 12));
            out.put(le, p + 16, captured);
            p += 16 + captured;
        }
        return out.array();
    }

    /** A little-endian pcapng (SHB, IDB, EPB, SPB, ISB and unknown blocks) as big-endian. */
    static byte[] pcapngToBigEndian(byte[] le) {
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.wrap(le.clone()).order(ByteOrder.BIG_ENDIAN);
        int p = 0;
        while (p + 12 <= le.length) {
            int type = in.getInt(p);
            int length = in.getInt(p + 4);
            out.putInt(p, type).putInt(p + 4, length).putInt(p + length - 4, length);
            switch (type) {
                case 0x0A0D0D0A -> {
                    out.putInt(p + 8, in.getInt(p + 8)).putShort(p + 12, in.getShort(p + 12));
                    out.putShort(p + 14, in.getShort(p + 14)).putLong(p + 16, in.getLong(p + 16));
                    options(in, out, p + 24, p + length - 4);
                }
                case 1 -> {
                    out.putShort(p + 8, in.getShort(p + 8)).putInt(p + 12, in.getInt(p + 12));
                    options(in, out, p + 16, p + length - 4);
                }
                case 6 -> {
                    for (int f = 8; f < 28; f += 4) {
                        out.putInt(p + f, in.getInt(p + f));
                    }
                    int data = (in.getInt(p + 20) + 3) & ~3;
                    options(in, out, p + 28 + data, p + length - 4);
                }
                case 3 -> out.putInt(p + 8, in.getInt(p + 8));
                case 5 -> {
                    for (int f = 8; f < 20; f += 4) {
                        out.putInt(p + f, in.getInt(p + f));
                    }
                    options(in, out, p + 20, p + length - 4);
                }
                default -> {}
            }
            p += length;
        }
        return out.array();
    }

    /** Swaps option codes and lengths, and the one numeric value the decoder reads: if_tsoffset (14). */
    private static void options(ByteBuffer in, ByteBuffer out, int from, int to) {
        int p = from;
        while (p + 4 <= to) {
            int code = in.getShort(p) & 0xFFFF;
            int length = in.getShort(p + 2) & 0xFFFF;
            out.putShort(p, (short) code).putShort(p + 2, (short) length);
            if (code == 0) {
                return;
            }
            if (code == 14 && length == 8) {
                out.putLong(p + 4, in.getLong(p + 4));
            }
            p += 4 + ((length + 3) & ~3);
        }
    }
}
