package io.isthmus.connect.transfer.frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The wire format of the one-way transfer, version 2. All integers big-endian:
 *
 * <pre>
 * common header (21 bytes)
 *   u16  magic 0x4944 ("ID")
 *   u8   version 2 (1 had byte-wise Reed–Solomon parity and unaligned shards)
 *   u8   type: 1 DATA, 2 PARITY, 3 MANIFEST, 4 HEARTBEAT
 *   u8   flags: bit 0 replay; other bits 0
 *   u64  epoch       (the sender session)
 *   u64  sequence    (the batch, dense from 1 within an epoch; for a heartbeat the last one sent)
 * DATA / PARITY
 *   u8   index       (0..k-1 data, k..k+m-1 parity)
 *   u8   k           data fragments, 1..255
 *   u8   m           parity fragments, k + m ≤ 256
 *   u32  body length (the shard length is ceil(body length / k) rounded up to a multiple of 8;
 *        the last data shards are padded with zeros)
 *   u64  first journal id in the batch
 *   u64  last journal id in the batch
 *   u32  records in the batch
 *   ..   shard bytes, exactly the shard length
 * MANIFEST
 *   u64  first journal id, u64 last journal id, u32 records
 *   i64  earliest and i64 latest source time, microseconds since 1970
 *   u32  distinct tags in the batch, u16 tags listed, then per tag: u16 length, ASCII bytes
 * HEARTBEAT
 *   i64  sender time, microseconds since 1970
 *   u64  last journal id forwarded
 * trailer
 *   u32  CRC-32C (Castagnoli) of every byte before it
 * </pre>
 *
 * <p>The CRC covers every fragment on its own, so a flipped bit discards one fragment, which the
 * erasure code then replaces; the batch body carries a SHA-256 of its records ({@link BatchBody}) as
 * the end-to-end check. Decoding is pure and total: every input yields a frame or a {@link
 * FrameDecoding.Malformed}; allocation is bounded by the datagram's own length.
 */
public final class FrameCodec {
    public static final int MAGIC = 0x4944;
    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 21;
    public static final int CRC_BYTES = 4;
    /** Header, fragment fields and CRC: the bytes a fragment adds to its shard. */
    public static final int FRAGMENT_OVERHEAD = HEADER_BYTES + 3 + 4 + 16 + 4 + CRC_BYTES;

    static final int MANIFEST_FIXED = HEADER_BYTES + 8 + 8 + 4 + 8 + 8 + 4 + 2 + CRC_BYTES;
    static final int HEARTBEAT_BYTES = HEADER_BYTES + 8 + 8 + CRC_BYTES;
    private static final int FLAG_REPLAY = 1;

    private final FrameLimits limits;

    public FrameCodec(FrameLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public FrameLimits limits() {
        return limits;
    }

    /**
     * The shard length of a body of {@code bodyLength} bytes cut into {@code k} data fragments: a
     * multiple of 8, because the bit-matrix erasure code ({@code CauchyXorCode}) reads a shard as
     * eight equal packets.
     */
    public static int shardLength(int bodyLength, int k) {
        long perShard = ((long) bodyLength + k - 1) / k;
        return (int) ((perShard + 7) & ~7L);
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Writes one fragment into {@code out} at 0 and returns its length, copying {@code shardLength}
     * bytes of {@code shard} from {@code shardOffset}: the sender's allocation-free path.
     */
    public int writeFragment(
            byte[] out,
            long epoch,
            long sequence,
            boolean replay,
            int index,
            int k,
            int m,
            int bodyLength,
            long firstRecord,
            long lastRecord,
            int recordCount,
            byte[] shard,
            int shardOffset,
            int shardLength) {
        int type = index < k ? FrameType.DATA.code() : FrameType.PARITY.code();
        int p = header(out, type, replay, epoch, sequence);
        out[p++] = (byte) index;
        out[p++] = (byte) k;
        out[p++] = (byte) m;
        p = putInt(out, p, bodyLength);
        p = putLong(out, p, firstRecord);
        p = putLong(out, p, lastRecord);
        p = putInt(out, p, recordCount);
        System.arraycopy(shard, shardOffset, out, p, shardLength);
        return trailer(out, p + shardLength);
    }

    /** A fresh datagram holding {@code frame}. */
    public byte[] encode(DiodeFrame frame) {
        return switch (frame) {
            case DiodeFrame.Fragment f -> {
                byte[] out = new byte[FRAGMENT_OVERHEAD + f.shard().length];
                writeFragment(
                        out,
                        f.epoch(),
                        f.sequence(),
                        f.replay(),
                        f.index(),
                        f.dataCount(),
                        f.parityCount(),
                        f.bodyLength(),
                        f.firstRecord(),
                        f.lastRecord(),
                        f.recordCount(),
                        f.shard(),
                        0,
                        f.shard().length);
                yield out;
            }
            case DiodeFrame.Manifest mf -> encodeManifest(mf);
            case DiodeFrame.Heartbeat h -> {
                byte[] out = new byte[HEARTBEAT_BYTES];
                int p = header(out, FrameType.HEARTBEAT.code(), false, h.epoch(), h.sequence());
                p = putLong(out, p, h.sentMicros());
                p = putLong(out, p, h.lastRecord());
                trailer(out, p);
                yield out;
            }
        };
    }

    private byte[] encodeManifest(DiodeFrame.Manifest mf) {
        List<byte[]> tags = new ArrayList<>();
        int size = MANIFEST_FIXED;
        for (String tag : mf.tags()) {
            byte[] b = tag.getBytes(StandardCharsets.US_ASCII);
            if (tags.size() >= limits.maxManifestTags()
                    || b.length > limits.maxTagBytes()
                    || size + 2 + b.length > limits.maxDatagramBytes()) {
                break;
            }
            tags.add(b);
            size += 2 + b.length;
        }
        byte[] out = new byte[size];
        int p = header(out, FrameType.MANIFEST.code(), false, mf.epoch(), mf.sequence());
        p = putLong(out, p, mf.firstRecord());
        p = putLong(out, p, mf.lastRecord());
        p = putInt(out, p, mf.recordCount());
        p = putLong(out, p, mf.minMicros());
        p = putLong(out, p, mf.maxMicros());
        p = putInt(out, p, mf.tagCount());
        p = putShort(out, p, tags.size());
        for (byte[] b : tags) {
            p = putShort(out, p, b.length);
            System.arraycopy(b, 0, out, p, b.length);
            p += b.length;
        }
        trailer(out, p);
        return out;
    }

    private static int header(byte[] out, int type, boolean replay, long epoch, long sequence) {
        int p = putShort(out, 0, MAGIC);
        out[p++] = (byte) VERSION;
        out[p++] = (byte) type;
        out[p++] = (byte) (replay ? FLAG_REPLAY : 0);
        p = putLong(out, p, epoch);
        return putLong(out, p, sequence);
    }

    private static int trailer(byte[] out, int p) {
        CRC32C crc = new CRC32C();
        crc.update(out, 0, p);
        return putInt(out, p, (int) crc.getValue());
    }

    // ---------------------------------------------------------------- decoding

    public FrameDecoding decode(byte[] datagram) {
        return decode(datagram, 0, datagram.length);
    }

    /**
     * Whether the datagram claims to be a fragment or manifest of a batch: magic, version and type
     * only, not even the CRC. A receiver uses it with {@link #claimedEpoch} and {@link
     * #claimedSequence} to drop the late copies of a batch it already has (on a clean link every
     * parity fragment and the closing manifest arrive after their batch is complete, about a fifth
     * of all datagrams) before paying for the checksum and the shard copy. What it reads is a claim:
     * a corrupt datagram that claims a finished batch is dropped as well, which is what its CRC
     * would have led to.
     */
    public static boolean claimsBatchFrame(byte[] buf, int offset, int length) {
        if (length < HEADER_BYTES + CRC_BYTES) {
            return false;
        }
        int magic = (buf[offset] & 0xFF) << 8 | (buf[offset + 1] & 0xFF);
        int type = buf[offset + 3];
        return magic == MAGIC
                && buf[offset + 2] == VERSION
                && (type == FrameType.DATA.code()
                        || type == FrameType.PARITY.code()
                        || type == FrameType.MANIFEST.code());
    }

    /** The epoch a datagram claims (unchecked; see {@link #claimsBatchFrame}). */
    public static long claimedEpoch(byte[] buf, int offset) {
        return new Reader(buf, offset + 5, 8).i64();
    }

    /** The batch sequence a datagram claims (unchecked; see {@link #claimsBatchFrame}). */
    public static long claimedSequence(byte[] buf, int offset) {
        return new Reader(buf, offset + 13, 8).i64();
    }

    /** Decodes {@code length} bytes of {@code buf} from {@code offset}; never throws for any content. */
    public FrameDecoding decode(byte[] buf, int offset, int length) {
        if (length > limits.maxDatagramBytes()) {
            return malformed(FrameError.TOO_LONG, 0, length + " bytes; limit " + limits.maxDatagramBytes());
        }
        if (length < HEADER_BYTES + CRC_BYTES) {
            return malformed(FrameError.TOO_SHORT, 0, length + " bytes; a header and CRC need 25");
        }
        var in = new Reader(buf, offset, length);
        int magic = in.u16();
        if (magic != MAGIC) {
            return malformed(FrameError.BAD_MAGIC, 0, String.format("0x%04x", magic));
        }
        int version = in.u8();
        if (version != VERSION) {
            return malformed(FrameError.BAD_VERSION, 2, "version " + version);
        }
        int typeCode = in.u8();
        FrameType type = FrameType.fromCode(typeCode);
        if (type == null) {
            return malformed(FrameError.BAD_TYPE, 3, "type " + typeCode);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf, offset, length - CRC_BYTES);
        int stored = new Reader(buf, offset + length - CRC_BYTES, CRC_BYTES).i32();
        if ((int) crc.getValue() != stored) {
            return malformed(FrameError.BAD_CRC, length - CRC_BYTES, "CRC-32C mismatch");
        }
        int flags = in.u8();
        if ((flags & ~FLAG_REPLAY) != 0) {
            return malformed(FrameError.BAD_FIELD, 4, "unknown flags " + flags);
        }
        long epoch = in.i64();
        long sequence = in.i64();
        if (sequence < 0) {
            return malformed(FrameError.BAD_FIELD, 13, "sequence " + sequence);
        }
        int end = length - CRC_BYTES;
        return switch (type) {
            case DATA, PARITY -> fragment(in, end, type, (flags & FLAG_REPLAY) != 0, epoch, sequence);
            case MANIFEST -> manifest(in, end, epoch, sequence);
            case HEARTBEAT -> heartbeat(in, end, epoch, sequence);
        };
    }

    private FrameDecoding fragment(Reader in, int end, FrameType type, boolean replay, long epoch, long sequence) {
        if (end < FRAGMENT_OVERHEAD - CRC_BYTES) {
            return malformed(FrameError.TOO_SHORT, end, "fragment header needs " + FRAGMENT_OVERHEAD + " bytes");
        }
        if (sequence < 1) {
            return malformed(FrameError.BAD_FIELD, 13, "fragment of batch 0");
        }
        int index = in.u8();
        int k = in.u8();
        int m = in.u8();
        long bodyLength = in.u32();
        long first = in.i64();
        long last = in.i64();
        long recordCount = in.u32();
        if (k < 1 || k > limits.maxDataFragments() || m > limits.maxParityFragments() || k + m > 256) {
            return malformed(FrameError.BAD_FIELD, 22, "k " + k + ", m " + m + " outside the limits");
        }
        if (index >= k + m || (type == FrameType.DATA) != (index < k)) {
            return malformed(FrameError.BAD_FIELD, 21, type + " fragment index " + index + " of " + k + "+" + m);
        }
        if (bodyLength < k || bodyLength > limits.maxBodyBytes()) {
            return malformed(FrameError.BAD_FIELD, 24, "body length " + bodyLength + " for k " + k);
        }
        if (first < 1 || last < first) {
            return malformed(FrameError.BAD_FIELD, 28, "journal range " + first + ".." + last);
        }
        if (recordCount < 1 || recordCount > limits.maxRecords() || recordCount > bodyLength) {
            return malformed(FrameError.BAD_FIELD, 44, recordCount + " records");
        }
        int shardLength = shardLength((int) bodyLength, k);
        int remaining = end - in.position();
        if (remaining != shardLength) {
            return malformed(
                    remaining < shardLength ? FrameError.TOO_SHORT : FrameError.TRAILING_BYTES,
                    in.position(),
                    "shard of " + remaining + " bytes; body " + bodyLength + " over " + k + " needs " + shardLength);
        }
        byte[] shard = in.bytes(shardLength);
        return new FrameDecoding.Decoded(new DiodeFrame.Fragment(
                epoch, sequence, replay, index, k, m, (int) bodyLength, first, last, (int) recordCount, shard));
    }

    private FrameDecoding manifest(Reader in, int end, long epoch, long sequence) {
        if (end < MANIFEST_FIXED - CRC_BYTES) {
            return malformed(FrameError.TOO_SHORT, end, "manifest needs " + MANIFEST_FIXED + " bytes");
        }
        long first = in.i64();
        long last = in.i64();
        long records = in.u32();
        long min = in.i64();
        long max = in.i64();
        long tagCount = in.u32();
        int listed = in.u16();
        if (sequence < 1 || first < 1 || last < first || records < 1 || records > limits.maxRecords()) {
            return malformed(
                    FrameError.BAD_FIELD,
                    21,
                    "manifest of batch " + sequence + ", journal " + first + ".." + last + ", " + records + " records");
        }
        if (max < min || listed > limits.maxManifestTags() || listed > tagCount || tagCount > Integer.MAX_VALUE) {
            return malformed(
                    FrameError.BAD_FIELD,
                    41,
                    "time " + min + ".." + max + ", " + listed + " of " + tagCount + " tags listed");
        }
        List<String> tags = new ArrayList<>(Math.min(listed, (end - in.position()) / 3 + 1));
        for (int i = 0; i < listed; i++) {
            if (end - in.position() < 2) {
                return malformed(FrameError.TOO_SHORT, in.position(), "tag " + i + " of " + listed);
            }
            int len = in.u16();
            if (len < 1 || len > limits.maxTagBytes() || len > end - in.position()) {
                return malformed(FrameError.BAD_FIELD, in.position() - 2, "tag length " + len);
            }
            int at = in.position();
            byte[] b = in.bytes(len);
            for (byte c : b) {
                if (c < 0x21 || c > 0x7E) {
                    return malformed(FrameError.BAD_FIELD, at, "tag byte " + (c & 0xFF) + " is not printable ASCII");
                }
            }
            tags.add(new String(b, StandardCharsets.US_ASCII));
        }
        if (in.position() != end) {
            return malformed(FrameError.TRAILING_BYTES, in.position(), (end - in.position()) + " bytes after tags");
        }
        return new FrameDecoding.Decoded(
                new DiodeFrame.Manifest(epoch, sequence, first, last, (int) records, min, max, (int) tagCount, tags));
    }

    private static FrameDecoding heartbeat(Reader in, int end, long epoch, long sequence) {
        if (end != HEARTBEAT_BYTES - CRC_BYTES) {
            return malformed(
                    end < HEARTBEAT_BYTES - CRC_BYTES ? FrameError.TOO_SHORT : FrameError.TRAILING_BYTES,
                    end,
                    "heartbeat is " + HEARTBEAT_BYTES + " bytes");
        }
        long sent = in.i64();
        long last = in.i64();
        if (last < 0) {
            return malformed(FrameError.BAD_FIELD, 29, "last journal id " + last);
        }
        return new FrameDecoding.Decoded(new DiodeFrame.Heartbeat(epoch, sequence, sent, last));
    }

    private static FrameDecoding malformed(FrameError error, int offset, String detail) {
        return new FrameDecoding.Malformed(error, offset, detail);
    }

    static int putShort(byte[] out, int p, int v) {
        out[p] = (byte) (v >>> 8);
        out[p + 1] = (byte) v;
        return p + 2;
    }

    static int putInt(byte[] out, int p, int v) {
        out[p] = (byte) (v >>> 24);
        out[p + 1] = (byte) (v >>> 16);
        out[p + 2] = (byte) (v >>> 8);
        out[p + 3] = (byte) v;
        return p + 4;
    }

    static int putLong(byte[] out, int p, long v) {
        putInt(out, p, (int) (v >>> 32));
        return putInt(out, p + 4, (int) v);
    }

    /** Big-endian reads over a slice whose bounds the caller checked. Positions are slice-relative. */
    static final class Reader {
        private final byte[] buf;
        private final int base;
        private int p;

        Reader(byte[] buf, int base, int length) {
            this.buf = buf;
            this.base = base;
        }

        int position() {
            return p;
        }

        int u8() {
            return buf[base + p++] & 0xFF;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        int i32() {
            return u16() << 16 | u16();
        }

        long u32() {
            return i32() & 0xFFFFFFFFL;
        }

        long i64() {
            return u32() << 32 | u32();
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            System.arraycopy(buf, base + p, b, 0, n);
            p += n;
            return b;
        }
    }
}
