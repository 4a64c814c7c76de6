package io.isthmus.connect.transfer.frame;

import io.isthmus.connect.journal.EpochMicros;
import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordBlock;
import io.isthmus.connect.journal.RecordType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The body of one batch: the journal records it carries and a SHA-256 over them. The body is what
 * the erasure code protects and what the fragments carry in pieces.
 *
 * <pre>
 * u32  N records (1..maxRecords)
 * N x  u64 journal id, u8 record type code, i64 append time (µs since 1970), u32 length, payload
 * 32   SHA-256 of every byte before it
 * </pre>
 *
 * <p>The per-fragment CRC-32C catches transmission errors; the hash is the end-to-end check that a
 * body rebuilt by the erasure code from data and parity shards is the body that was sent.
 */
public final class BatchBody {
    public static final int HASH_BYTES = 32;
    /** Bytes a record adds to its payload. */
    public static final int RECORD_OVERHEAD = 8 + 1 + 8 + 4;

    private final FrameLimits limits;
    private final MessageDigest sha = sha256();

    /** Not thread-safe (it keeps one digest): one per receiver. */
    public BatchBody(FrameLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The body bytes of {@code records}; the caller keeps the total within {@link FrameLimits#maxBodyBytes}. */
    public static byte[] encode(List<JournalRecord> records) {
        long size = encodedSize(records);
        if (size > Integer.MAX_VALUE - 8) {
            throw new ArithmeticException("a body of " + size + " bytes");
        }
        byte[] out = new byte[(int) size];
        encode(records, out, sha256());
        return out;
    }

    /**
     * Writes the body of {@code records} into {@code out} from 0 and returns its length: the
     * sender's path, which reuses one buffer and one digest for every batch. {@code out} must hold
     * {@link #encodedSize} bytes.
     */
    public static int encode(List<JournalRecord> records, byte[] out, MessageDigest sha) {
        var block = RecordBlock.of(records);
        return encode(block, 0, block.size(), out, sha);
    }

    /**
     * Writes the body of records {@code from} (inclusive) to {@code to} (exclusive) of {@code block}
     * into {@code out} from 0 and returns its length; the journal's envelope fields and payload bytes
     * go straight from the block's arrays. {@code out} must hold {@link #encodedSize(RecordBlock, int,
     * int)} bytes.
     */
    public static int encode(RecordBlock block, int from, int to, byte[] out, MessageDigest sha) {
        if (from >= to) {
            throw new IllegalArgumentException("a batch holds at least one record");
        }
        byte[] payloads = block.payloads();
        int p = FrameCodec.putInt(out, 0, to - from);
        for (int i = from; i < to; i++) {
            int length = block.payloadLength(i);
            p = FrameCodec.putLong(out, p, block.sequence(i));
            out[p++] = (byte) block.typeCode(i);
            p = FrameCodec.putLong(out, p, block.appendMicros(i));
            p = FrameCodec.putInt(out, p, length);
            System.arraycopy(payloads, block.payloadOffset(i), out, p, length);
            p += length;
        }
        sha.reset();
        sha.update(out, 0, p);
        try {
            sha.digest(out, p, HASH_BYTES);
        } catch (java.security.DigestException e) {
            throw new IllegalArgumentException("no room for the hash after " + p + " bytes", e);
        }
        return p + HASH_BYTES;
    }

    /** The encoded size of {@code records} without encoding them. */
    public static long encodedSize(List<JournalRecord> records) {
        long size = 4 + HASH_BYTES;
        for (JournalRecord r : records) {
            size += RECORD_OVERHEAD + r.payload().length;
        }
        return size;
    }

    /** The encoded size of records {@code from} to {@code to} (exclusive) of {@code block}. */
    public static long encodedSize(RecordBlock block, int from, int to) {
        long size = 4 + HASH_BYTES;
        for (int i = from; i < to; i++) {
            size += RECORD_OVERHEAD + block.payloadLength(i);
        }
        return size;
    }

    /** The outcome of decoding a body. */
    public sealed interface Decoding {
        record Decoded(List<JournalRecord> records) implements Decoding {}

        record Malformed(String reason, int offset) implements Decoding {}
    }

    /** Decodes {@code length} bytes of {@code body}; never throws for any content. */
    public Decoding decode(byte[] body, int length) {
        if (length < 4 + HASH_BYTES || length > limits.maxBodyBytes() || length > body.length) {
            return new Decoding.Malformed("body of " + length + " bytes", 0);
        }
        int end = length - HASH_BYTES;
        sha.reset();
        sha.update(body, 0, end);
        if (!Arrays.equals(sha.digest(), 0, HASH_BYTES, body, end, length)) {
            return new Decoding.Malformed("SHA-256 mismatch", end);
        }
        var in = new FrameCodec.Reader(body, 0, end);
        long count = in.u32();
        if (count < 1 || count > limits.maxRecords() || count > (end - 4) / RECORD_OVERHEAD) {
            return new Decoding.Malformed(count + " records", 0);
        }
        List<JournalRecord> records = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = in.position();
            if (end - at < RECORD_OVERHEAD) {
                return new Decoding.Malformed("record " + i + " is cut off", at);
            }
            long id = in.i64();
            var type = RecordType.fromCode(in.u8());
            long micros = in.i64();
            long len = in.u32();
            if (id < 1 || type.isEmpty() || len > end - in.position()) {
                return new Decoding.Malformed("record " + i + ": id " + id + ", type " + type + ", length " + len, at);
            }
            records.add(new JournalRecord(id, type.get(), EpochMicros.instant(micros), in.bytes((int) len)));
        }
        if (in.position() != end) {
            return new Decoding.Malformed((end - in.position()) + " bytes after the records", in.position());
        }
        return new Decoding.Decoded(records);
    }

    /** A new SHA-256 digest (the JDK's, with the CPU's SHA instructions where it has them). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
