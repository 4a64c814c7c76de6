package io.isthmus.connect.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransferCodecTest {
    static final TransferCodec CODEC = new TransferCodec(new TransferLimits(4096, 8, 256));
    static final Instant T = Instant.parse("2026-11-26T03:00:00.123456Z");

    static JournalRecord record(long seq, RecordType type, String payloadHex) {
        return new JournalRecord(seq, type, T, HexFormat.of().parseHex(payloadHex));
    }

    @Test
    void aBatchEncodesAsDocumentedAndDecodesToItself() {
        var batch = new TransferBatch(
                "edge-1", 3, List.of(record(7, RecordType.SAMPLE_BATCH, "0102"), record(3, RecordType.EVENT, "")));
        byte[] bytes = CODEC.encode(batch);
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex)
                .isEqualTo(
                        "49535448584645520001" // magic "ISTHXFER", version 1
                                + "06" + "656467652d31" // edge id "edge-1"
                                + "0000000000000003" // settledThrough 3
                                + "00000002" // two records
                                + "0000000000000007" + "01" + "0006612523a76e40" + "00000002" + "0102" // live record 7
                                + "0000000000000003" + "02" + "0006612523a76e40" + "00000000"); // backlog record 3
        assertThat(CODEC.decode(bytes)).isEqualTo(new TransferDecoding.Decoded<>(batch));
    }

    static byte[] valid() {
        return CODEC.encode(new TransferBatch("e", 0, List.of(record(1, RecordType.SAMPLE_BATCH, "aa"))));
    }

    static byte[] patched(int offset, String hex) {
        byte[] b = valid();
        byte[] p = HexFormat.of().parseHex(hex);
        System.arraycopy(p, 0, b, offset, p.length);
        return b;
    }

    static List<Arguments> malformed() {
        byte[] v = valid();
        // layout of valid(): 0 magic, 8 version, 10 id length, 11 'e', 12 settled, 20 count,
        // 24 sequence, 32 type, 33 time, 41 length, 45 payload, 46 end
        return List.of(
                Arguments.of("empty", new byte[0], TransferError.TRUNCATED, 0),
                Arguments.of("wrong magic", patched(0, "58"), TransferError.NOT_A_BATCH, 0),
                Arguments.of("version 2", patched(8, "0002"), TransferError.NOT_A_BATCH, 0),
                Arguments.of("empty edge id", patched(10, "00"), TransferError.BAD_EDGE_ID, 10),
                Arguments.of("edge id with a space", patched(11, "20"), TransferError.BAD_EDGE_ID, 10),
                Arguments.of("negative settledThrough", patched(12, "ff"), TransferError.BAD_SEQUENCE, 12),
                Arguments.of("count above the limit", patched(20, "00000009"), TransferError.EXCEEDS_LIMIT, 20),
                Arguments.of("count beyond the bytes", patched(20, "00000002"), TransferError.EXCEEDS_LIMIT, 20),
                Arguments.of("absurd count", patched(20, "ffffffff"), TransferError.EXCEEDS_LIMIT, 20),
                Arguments.of("sequence 0", patched(24, "0000000000000000"), TransferError.BAD_SEQUENCE, 24),
                Arguments.of("record type 9", patched(32, "09"), TransferError.UNKNOWN_RECORD_TYPE, 32),
                Arguments.of("payload beyond the bytes", patched(41, "00000002"), TransferError.EXCEEDS_LIMIT, 41),
                Arguments.of("payload above the limit", patched(41, "00000101"), TransferError.EXCEEDS_LIMIT, 41),
                Arguments.of("absurd payload length", patched(41, "ffffffff"), TransferError.EXCEEDS_LIMIT, 41),
                Arguments.of("cut in the magic", java.util.Arrays.copyOf(v, 5), TransferError.TRUNCATED, 0),
                Arguments.of("cut in the settled id", java.util.Arrays.copyOf(v, 15), TransferError.TRUNCATED, 12),
                Arguments.of("cut before the payload", java.util.Arrays.copyOf(v, 45), TransferError.EXCEEDS_LIMIT, 41),
                Arguments.of(
                        "trailing byte",
                        ByteBuffer.allocate(v.length + 1).put(v).array(),
                        TransferError.TRAILING_BYTES,
                        46),
                Arguments.of("body above the limit", new byte[4097], TransferError.EXCEEDS_LIMIT, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBatchesAreNamedWithTheirOffset(String name, byte[] bytes, TransferError error, int offset) {
        var result = CODEC.decode(bytes);
        assertThat(result).isInstanceOf(TransferDecoding.Malformed.class);
        var m = (TransferDecoding.Malformed<TransferBatch>) result;
        assertThat(m.error()).as(m.detail()).isEqualTo(error);
        assertThat(m.offset()).isEqualTo(offset);
    }

    @Test
    void aRepeatedSequenceIsRefusedBothWays() {
        byte[] two = CODEC.encode(
                new TransferBatch("e", 0, List.of(record(1, RecordType.OPAQUE, ""), record(2, RecordType.OPAQUE, ""))));
        two[24 + 21 + 7] = 1; // the second record's sequence becomes 1
        assertThat(CODEC.decode(two)).isInstanceOf(TransferDecoding.Malformed.class);
        assertThatThrownBy(() -> new TransferBatch(
                        "e", 0, List.of(record(1, RecordType.OPAQUE, ""), record(1, RecordType.OPAQUE, ""))))
                .hasMessageContaining("twice");
    }

    @Test
    void theEncoderRefusesWhatTheDecoderWouldRefuse() {
        var big = new JournalRecord(1, RecordType.OPAQUE, T, new byte[257]);
        assertThatThrownBy(() -> CODEC.encode(new TransferBatch("e", 0, List.of(big))))
                .hasMessageContaining("above the limit of 256");
    }
}
