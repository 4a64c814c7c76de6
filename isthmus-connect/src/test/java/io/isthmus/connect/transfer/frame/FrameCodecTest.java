package io.isthmus.connect.transfer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.journal.JournalRecord;
import io.isthmus.connect.journal.RecordType;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(FrameLimits.DEFAULT);

    @Test
    void every_frame_type_survives_a_round_trip() {
        List<DiodeFrame> frames = List.of(
                new DiodeFrame.Fragment(7, 1, false, 0, 2, 1, 5, 10, 12, 3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                new DiodeFrame.Fragment(7, 1, true, 2, 2, 1, 5, 10, 12, 3, new byte[] {9, 9, 9, 9, 9, 9, 9, 9}),
                new DiodeFrame.Manifest(7, 1, 10, 12, 3, 100, 200, 2, List.of("a/b/c/d/e/f/g", "a/b/c/d/e/f/h")),
                new DiodeFrame.Heartbeat(7, 1, 123456, 12));
        for (DiodeFrame f : frames) {
            assertThat(codec.decode(codec.encode(f))).isEqualTo(new FrameDecoding.Decoded(f));
        }
    }

    @Test
    void a_heartbeat_reads_as_the_format_says() {
        byte[] hb = codec.encode(new DiodeFrame.Heartbeat(1, 2, 3, 4));
        assertThat(HexFormat.of().formatHex(hb, 0, hb.length - 4))
                .isEqualTo("4944" + "02" + "04" + "00" + "0000000000000001" + "0000000000000002" + "0000000000000003"
                        + "0000000000000004");
    }

    @Test
    void every_single_bit_flip_in_a_fragment_is_refused() {
        byte[] frame = codec.encode(new DiodeFrame.Fragment(7, 3, false, 1, 4, 2, 40, 1, 9, 4, new byte[16]));
        for (int bit = 0; bit < frame.length * 8; bit++) {
            byte[] flipped = frame.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(codec.decode(flipped)).as("bit %d", bit).isInstanceOf(FrameDecoding.Malformed.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "too short for a header,      4944020100, TOO_SHORT",
        "wrong magic,                 4945010400000000000000000100000000000000020000000000000003000000000000000400000000, BAD_MAGIC",
        "version 1 (byte-wise parity), 4944010400000000000000000100000000000000020000000000000003000000000000000400000000, BAD_VERSION",
        "type 9,                      4944020900000000000000000100000000000000020000000000000003000000000000000400000000, BAD_TYPE",
        "heartbeat with a wrong CRC,  4944020400000000000000000100000000000000020000000000000003000000000000000400000000, BAD_CRC",
        "unknown flag (CRC fixed),    49440204020000000000000001000000000000000200000000000000030000000000000004, BAD_FIELD",
        "heartbeat one byte long,     494402040000000000000000010000000000000002000000000000000300000000000000040000, TRAILING_BYTES",
        "fragment k = 0,              4944020100000000000000000100000000000000010000010000000500000000000000010000000000000001000000010102, BAD_FIELD",
        "data index >= k,             494402010000000000000000010000000000000001020201000000020000000000000001000000000000000100000001ff, BAD_FIELD",
        "parity index < k,            4944020200000000000000000100000000000000010001010000000200000000000000010000000000000001000000010101, BAD_FIELD",
        "shard shorter than body/k,   494402010000000000000000010000000000000001000100000000050000000000000001000000000000000100000001ffff, TOO_SHORT",
        "journal range backwards,     494402010000000000000000010000000000000001000100000000020000000000000009000000000000000100000001ffff, BAD_FIELD",
        "fragment of batch 0,         494402010000000000000000010000000000000000000100000000020000000000000001000000000000000100000001ffff, BAD_FIELD",
        "manifest tag count overflow, 494402030000000000000000010000000000000001000000000000000100000000000000010000000100000000000000000000000000000000000000000001, BAD_FIELD",
        "zero records,                494402010000000000000000010000000000000001000100000000020000000000000001000000000000000100000000ffff, BAD_FIELD",
        "shard longer than body/k,    494402010000000000000000010000000000000001000100000000020000000000000001000000000000000100000001ffffffffffffffffff, TRAILING_BYTES",
    })
    void malformed_datagrams_are_refused_with_their_reason(String name, String hex, FrameError expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (expected != FrameError.BAD_CRC && expected != FrameError.TOO_SHORT || name.startsWith("shard")) {
            bytes = withCrc(bytes);
        }
        var result = codec.decode(bytes);
        assertThat(result).isInstanceOf(FrameDecoding.Malformed.class);
        assertThat(((FrameDecoding.Malformed) result).error())
                .as(result.toString())
                .isEqualTo(expected);
    }

    @Test
    void a_body_keeps_its_records_and_refuses_a_changed_byte() {
        var records = List.of(
                new JournalRecord(
                        5, RecordType.SAMPLE_BATCH, Instant.parse("2026-11-26T01:02:03.456789Z"), new byte[] {1}),
                new JournalRecord(9, RecordType.OPAQUE, Instant.parse("2026-11-26T01:02:04Z"), new byte[0]));
        byte[] body = BatchBody.encode(records);
        var bodies = new BatchBody(FrameLimits.DEFAULT);
        assertThat(bodies.decode(body, body.length)).isEqualTo(new BatchBody.Decoding.Decoded(records));
        body[5] ^= 1;
        assertThat(bodies.decode(body, body.length)).isInstanceOf(BatchBody.Decoding.Malformed.class);
    }

    /** Replaces the last four bytes (or appends them when the input is a frame without CRC) with the CRC. */
    static byte[] withCrc(byte[] bytes) {
        boolean hasPlaceholder = bytes.length >= 4
                && bytes[bytes.length - 1] == 0
                && bytes[bytes.length - 2] == 0
                && bytes[bytes.length - 3] == 0
                && bytes[bytes.length - 4] == 0;
        int body = hasPlaceholder ? bytes.length - 4 : bytes.length;
        byte[] out = java.util.Arrays.copyOf(bytes, body + 4);
        CRC32C crc = new CRC32C();
        crc.update(out, 0, body);
        FrameCodec.putInt(out, body, (int) crc.getValue());
        return out;
    }
}
