package io.isthmus.store.duckdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The encoding of one block: up to {@link BlockLimits#maxSamples()} samples of one tag, stored by
 * the historian as ONE {@code BLOB} value, so DuckDB commits a few bytes per sample and one row per
 * tag and append instead of a list element or a row per sample (its commit costs about a
 * microsecond of CPU per element; see docs/historian.md, "Block storage").
 *
 * <pre>
 * byte    format (1)
 * varint  n, the number of samples, 1..maxSamples
 * times   zig-zag varints: t[0], t[1]-t[0], then the delta of deltas (0, one byte, for a steady rate)
 * runs    quality: (varint length, byte code)... until n samples are covered
 * runs    kind: the same
 * values  per sample by its kind: bool one byte 0/1; int the zig-zag varint of the difference to
 *         the previous int of the block; real the XOR of its bits with the previous real's (Gorilla
 *         style, byte aligned): a control byte 0 (same bits) or (leading zero bytes &lt;&lt; 4 | length
 *         1..8) and the length significant bytes, big-endian; text a varint byte length and UTF-8
 * 4 bytes CRC-32C of everything before, little-endian
 * </pre>
 *
 * Pure: bytes in, columns or {@link BlockFormatException} out. Decoding allocates only after the
 * count is checked against the limit and against the bytes present (every sample takes at least
 * two bytes), and reads every length against what is left, so a hostile or corrupt block costs
 * at most its own size, never a crash or an unbounded allocation. Differences wrap around in 64
 * bits, so every long and every double bit pattern (NaN payloads, -0.0) round-trips exactly.
 */
final class BlockCodec {
    static final int FORMAT = 1;

    /** Bytes every sample takes at least: one time byte, one value byte, a share of one run. */
    private static final int MIN_SAMPLE_BYTES = 2;

    private static final int HEADER_AND_CRC = 1 + 5 + 4;

    private final BlockLimits limits;

    BlockCodec(BlockLimits limits) {
        this.limits = limits;
    }

    /** Encodes every row of {@code c}, in order. */
    byte[] encode(BlockColumns c) {
        int[] rows = new int[c.size];
        Arrays.setAll(rows, i -> i);
        return encode(c, rows, 0, c.size);
    }

    /** Encodes rows {@code rows[from .. from+n)} of {@code c}, in that order. */
    byte[] encode(BlockColumns c, int[] rows, int from, int n) {
        if (n < 1 || n > limits.maxSamples()) {
            throw new IllegalArgumentException("a block holds 1 to " + limits.maxSamples() + " samples, not " + n);
        }
        Sink out = new Sink(HEADER_AND_CRC + n * 24);
        out.put(FORMAT);
        out.varint(n);
        encodeTimes(out, c.t, rows, from, n);
        encodeRuns(out, c.quality, rows, from, n);
        encodeRuns(out, c.kind, rows, from, n);
        encodeValues(out, c, rows, from, n);
        CRC32C crc = new CRC32C();
        crc.update(out.buf, 0, out.len);
        out.int32le((int) crc.getValue());
        return Arrays.copyOf(out.buf, out.len);
    }

    private static void encodeTimes(Sink out, long[] t, int[] rows, int from, int n) {
        long prev = t[rows[from]];
        out.zigzag(prev);
        long delta = 0;
        for (int i = 1; i < n; i++) {
            long cur = t[rows[from + i]];
            long d = cur - prev;
            out.zigzag(i == 1 ? d : d - delta);
            delta = d;
            prev = cur;
        }
    }

    private static void encodeRuns(Sink out, byte[] codes, int[] rows, int from, int n) {
        int i = 0;
        while (i < n) {
            byte code = codes[rows[from + i]];
            int j = i + 1;
            while (j < n && codes[rows[from + j]] == code) {
                j++;
            }
            out.varint(j - i);
            out.put(code);
            i = j;
        }
    }

    private static void encodeValues(Sink out, BlockColumns c, int[] rows, int from, int n) {
        long prevInt = 0;
        long prevBits = 0;
        for (int i = 0; i < n; i++) {
            int r = rows[from + i];
            switch (c.kind[r]) {
                case Codes.BOOL -> out.put(c.num[r] != 0 ? 1 : 0);
                case Codes.INT -> {
                    out.zigzag(c.ival[r] - prevInt);
                    prevInt = c.ival[r];
                }
                case Codes.REAL -> {
                    long bits = Double.doubleToRawLongBits(c.num[r]);
                    out.xor(bits ^ prevBits);
                    prevBits = bits;
                }
                case Codes.TEXT -> {
                    byte[] utf8 = c.text[r].getBytes(StandardCharsets.UTF_8);
                    out.varint(utf8.length);
                    out.bytes(utf8);
                }
                default -> throw new IllegalArgumentException("unknown value kind " + c.kind[r]);
            }
        }
    }

    /** Decodes a block; every inconsistency is a {@link BlockFormatException} with its offset. */
    BlockColumns decode(byte[] data) throws BlockFormatException {
        if (data.length < 1 + 1 + MIN_SAMPLE_BYTES + 2 + 4) {
            throw new BlockFormatException("a block of " + data.length + " bytes is too short", 0);
        }
        int body = data.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(data, 0, body);
        int stored = (data[body] & 0xFF)
                | (data[body + 1] & 0xFF) << 8
                | (data[body + 2] & 0xFF) << 16
                | (data[body + 3] & 0xFF) << 24;
        if (stored != (int) crc.getValue()) {
            throw new BlockFormatException("checksum mismatch (the block is corrupt)", body);
        }
        return decodeBody(new Source(data, body));
    }

    private BlockColumns decodeBody(Source in) throws BlockFormatException {
        int format = in.u8();
        if (format != FORMAT) {
            throw new BlockFormatException("unknown block format " + format + " (expected " + FORMAT + ")", 0);
        }
        int at = in.pos;
        long n = in.varint();
        if (n < 1 || n > limits.maxSamples()) {
            throw new BlockFormatException("sample count " + n + " outside 1.." + limits.maxSamples(), at);
        }
        if (n * MIN_SAMPLE_BYTES > in.end - in.pos) {
            throw new BlockFormatException(
                    "sample count " + n + " needs more than the " + (in.end - in.pos) + " bytes left", at);
        }
        BlockColumns c = new BlockColumns((int) n);
        decodeTimes(in, c.t);
        decodeRuns(in, c.quality, 3, "quality");
        decodeRuns(in, c.kind, Codes.TEXT, "value kind");
        decodeValues(in, c);
        if (in.pos != in.end) {
            throw new BlockFormatException((in.end - in.pos) + " bytes left over after the values", in.pos);
        }
        return c;
    }

    private static void decodeTimes(Source in, long[] t) throws BlockFormatException {
        long prev = in.zigzag();
        t[0] = prev;
        long delta = 0;
        for (int i = 1; i < t.length; i++) {
            long v = in.zigzag();
            delta = i == 1 ? v : delta + v;
            prev += delta;
            t[i] = prev;
        }
    }

    private static void decodeRuns(Source in, byte[] codes, int maxCode, String what) throws BlockFormatException {
        int i = 0;
        while (i < codes.length) {
            int at = in.pos;
            long len = in.varint();
            if (len < 1 || len > codes.length - i) {
                throw new BlockFormatException(
                        what + " run of " + len + " where " + (codes.length - i) + " samples are left", at);
            }
            int code = in.u8();
            if (code > maxCode) {
                throw new BlockFormatException("unknown " + what + " code " + code, in.pos - 1);
            }
            Arrays.fill(codes, i, i + (int) len, (byte) code);
            i += (int) len;
        }
    }

    private static void decodeValues(Source in, BlockColumns c) throws BlockFormatException {
        long prevInt = 0;
        long prevBits = 0;
        for (int i = 0; i < c.size; i++) {
            switch (c.kind[i]) {
                case Codes.BOOL -> {
                    int b = in.u8();
                    if (b > 1) {
                        throw new BlockFormatException("bool value " + b + " is neither 0 nor 1", in.pos - 1);
                    }
                    c.num[i] = b;
                }
                case Codes.INT -> {
                    prevInt += in.zigzag();
                    c.ival[i] = prevInt;
                    c.num[i] = prevInt;
                }
                case Codes.REAL -> {
                    prevBits ^= in.xor();
                    c.num[i] = Double.longBitsToDouble(prevBits);
                }
                default -> {
                    int at = in.pos;
                    long len = in.varint();
                    if (len > in.end - in.pos) {
                        throw new BlockFormatException(
                                "text of " + len + " bytes where " + (in.end - in.pos) + " are left", at);
                    }
                    c.num[i] = Double.NaN;
                    c.text(i, new String(in.buf, in.pos, (int) len, StandardCharsets.UTF_8));
                    in.pos += (int) len;
                }
            }
        }
    }

    /** A growable output buffer. */
    private static final class Sink {
        byte[] buf;
        int len;

        Sink(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void put(int b) {
            room(1);
            buf[len++] = (byte) b;
        }

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void xor(long x) {
            room(9);
            if (x == 0) {
                buf[len++] = 0;
                return;
            }
            int lead = Long.numberOfLeadingZeros(x) >>> 3;
            int trail = Long.numberOfTrailingZeros(x) >>> 3;
            int n = 8 - lead - trail;
            buf[len++] = (byte) (lead << 4 | n);
            long v = x >>> (trail << 3);
            for (int s = (n - 1) << 3; s >= 0; s -= 8) {
                buf[len++] = (byte) (v >>> s);
            }
        }

        void int32le(int v) {
            room(4);
            buf[len++] = (byte) v;
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 24);
        }
    }

    /** Reads {@code buf[pos .. end)}; every read checks what is left. */
    private static final class Source {
        final byte[] buf;
        final int end;
        int pos;

        Source(byte[] buf, int end) {
            this.buf = buf;
            this.end = end;
        }

        int u8() throws BlockFormatException {
            if (pos >= end) {
                throw new BlockFormatException("truncated: a byte is missing", pos);
            }
            return buf[pos++] & 0xFF;
        }

        long varint() throws BlockFormatException {
            int at = pos;
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                if (shift == 63 && b > 1) {
                    throw new BlockFormatException("varint longer than 64 bits", at);
                }
                v |= (long) (b & 0x7F) << shift;
                if (b < 0x80) {
                    return v;
                }
            }
            throw new BlockFormatException("varint longer than 10 bytes", at);
        }

        long zigzag() throws BlockFormatException {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        long xor() throws BlockFormatException {
            int at = pos;
            int control = u8();
            if (control == 0) {
                return 0;
            }
            int lead = control >>> 4;
            int n = control & 0x0F;
            if (n < 1 || lead + n > 8) {
                throw new BlockFormatException("bad real control byte " + control, at);
            }
            if (n > end - pos) {
                throw new BlockFormatException(
                        "truncated real: " + n + " bytes where " + (end - pos) + " are left", at);
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = v << 8 | (buf[pos++] & 0xFF);
            }
            return v << ((8 - lead - n) << 3);
        }
    }
}
