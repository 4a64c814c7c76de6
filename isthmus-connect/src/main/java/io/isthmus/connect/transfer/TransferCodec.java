package io.isthmus.connect.transfer;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes and decodes a {@link TransferBatch}, the body of an edge's {@code POST /api/ingest}
 * ({@code application/vnd.isthmus.transfer}). All integers big-endian:
 *
 * <pre>
 * offset size field
 *  0     8    magic "ISTHXFER"
 *  8     2    format version, 1
 * 10     1    edge id length n (1..128), then n bytes of A-Z a-z 0-9 _ . -
 * 11+n   8    settledThrough (>= 0)
 * 19+n   4    record count (<= maxRecords)
 * then per record:
 *        8    sequence (>= 1, unique in the batch)
 *        1    record type: 1 SAMPLE_BATCH, 2 EVENT, 3 OPAQUE (as in the journal)
 *        8    append time, microseconds since the epoch
 *        4    payload length L (<= maxRecordBytes and the bytes left)
 *        L    payload, unchanged from the journal
 * </pre>
 *
 * The payloads are not looked into here: a sample batch is checked by its own codec at the hub.
 * Integrity on the way is TCP's and, across networks, TLS's business; the journal's CRCs protected
 * the records at rest.
 */
public final class TransferCodec {
    static final byte[] MAGIC = "ISTHXFER".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_VERSION = 1;
    public static final String MEDIA_TYPE = "application/vnd.isthmus.transfer";
    private static final int RECORD_HEADER = 8 + 1 + 8 + 4;

    private final TransferLimits limits;

    public TransferCodec(TransferLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public TransferLimits limits() {
        return limits;
    }

    /** The encoded batch; refuses one the decoder with the same limits would refuse. */
    public byte[] encode(TransferBatch batch) {
        if (batch.records().size() > limits.maxRecords()) {
            throw new IllegalArgumentException(
                    batch.records().size() + " records, above the limit of " + limits.maxRecords());
        }
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(FORMAT_VERSION);
            byte[] id = batch.edgeId().getBytes(StandardCharsets.US_ASCII);
            out.writeByte(id.length);
            out.write(id);
            out.writeLong(batch.settledThrough());
            out.writeInt(batch.records().size());
            for (JournalRecord r : batch.records()) {
                if (r.payload().length > limits.maxRecordBytes()) {
                    throw new IllegalArgumentException("record " + r.sequence() + " has " + r.payload().length
                            + " bytes, above the limit of " + limits.maxRecordBytes());
                }
                out.writeLong(r.sequence());
                out.writeByte(r.type().code());
                out.writeLong(FieldReader.micros(r.appendedAt()));
                out.writeInt(r.payload().length);
                out.write(r.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > limits.maxBodyBytes()) {
            throw new IllegalArgumentException(
                    "the batch encodes to " + bytes.size() + " bytes, above the limit of " + limits.maxBodyBytes());
        }
        return bytes.toByteArray();
    }

    /** The batch, or why the bytes are not one; never throws. */
    public TransferDecoding<TransferBatch> decode(byte[] body) {
        if (body.length > limits.maxBodyBytes()) {
            return new TransferDecoding.Malformed<>(
                    TransferError.EXCEEDS_LIMIT, 0, body.length + " bytes, above " + limits.maxBodyBytes());
        }
        FieldReader in = new FieldReader(body);
        try {
            return new TransferDecoding.Decoded<>(read(in));
        } catch (FieldReader.Bad b) {
            return new TransferDecoding.Malformed<>(b.error, b.offset, b.getMessage());
        }
    }

    private TransferBatch read(FieldReader in) throws FieldReader.Bad {
        byte[] magic = in.bytes(MAGIC.length);
        int version = in.u16();
        if (!java.util.Arrays.equals(magic, MAGIC) || version != FORMAT_VERSION) {
            throw new FieldReader.Bad(TransferError.NOT_A_BATCH, 0, "not an Isthmus transfer batch version 1");
        }
        int idAt = in.position();
        int idLength = in.u8();
        String edgeId = new String(in.bytes(idLength), StandardCharsets.ISO_8859_1);
        if (!TransferBatch.EDGE_ID.matcher(edgeId).matches()) {
            throw new FieldReader.Bad(TransferError.BAD_EDGE_ID, idAt, "edge id '" + edgeId + "'");
        }
        int settledAt = in.position();
        long settled = in.i64();
        if (settled < 0) {
            throw new FieldReader.Bad(TransferError.BAD_SEQUENCE, settledAt, "settledThrough " + settled);
        }
        int countAt = in.position();
        long count = in.u32();
        if (count > limits.maxRecords() || count * RECORD_HEADER > in.remaining()) {
            throw new FieldReader.Bad(
                    TransferError.EXCEEDS_LIMIT,
                    countAt,
                    count + " records in " + in.remaining() + " bytes, limit " + limits.maxRecords());
        }
        List<JournalRecord> records = new ArrayList<>((int) count);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            records.add(record(in, seen));
        }
        if (in.remaining() > 0) {
            throw new FieldReader.Bad(TransferError.TRAILING_BYTES, in.position(), in.remaining() + " byte(s)");
        }
        return new TransferBatch(edgeId, settled, records);
    }

    private JournalRecord record(FieldReader in, Set<Long> seen) throws FieldReader.Bad {
        int at = in.position();
        long sequence = in.i64();
        if (sequence < 1 || !seen.add(sequence)) {
            throw new FieldReader.Bad(TransferError.BAD_SEQUENCE, at, "sequence " + sequence);
        }
        int typeAt = in.position();
        int code = in.u8();
        RecordType type = RecordType.fromCode(code)
                .orElseThrow(() -> new FieldReader.Bad(TransferError.UNKNOWN_RECORD_TYPE, typeAt, "type " + code));
        var appendedAt = in.micros();
        int lengthAt = in.position();
        long length = in.u32();
        if (length > limits.maxRecordBytes() || length > in.remaining()) {
            throw new FieldReader.Bad(
                    TransferError.EXCEEDS_LIMIT,
                    lengthAt,
                    "payload of " + length + " bytes, limit " + limits.maxRecordBytes() + ", " + in.remaining()
                            + " left");
        }
        return new JournalRecord(sequence, type, appendedAt, in.bytes((int) length));
    }
}
