package io.isthmus.connect.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

    /** Sequence 258, SAMPLE_BATCH, appended at 1970-01-01T00:00:01Z, payload "hi". */
    private static final String RECORD = String.join(
            "",
            "00000002", // payload length 2
            "0000000000000102", // sequence id 258
            "01", // record type SAMPLE_BATCH
            "00000000000f4240", // append time: 1,000,000 us
            "6869", // payload "hi"
            "%08x"); // CRC32C of everything above

    private static byte[] annotatedRecord() {
        byte[] body = HexFormat.of().parseHex(RECORD.replace("%08x", ""));
        CRC32C crc = new CRC32C();
        crc.update(body);
        return HexFormat.of().parseHex(RECORD.formatted(crc.getValue()));
    }

    @Test
    void a_record_is_length_sequence_type_time_payload_and_a_crc32c_of_all_of_them() {
        ByteBuffer buf = ByteBuffer.allocate(RecordFormat.size(2));

        RecordFormat.encode(buf, 258, RecordType.SAMPLE_BATCH, 1_000_000, "hi".getBytes());

        assertThat(buf.array()).isEqualTo(annotatedRecord());
        assertThat(RecordFormat.size(2)).isEqualTo(27);
    }

    @Test
    void decoding_the_annotated_bytes_gives_the_envelope_and_the_payload_position() {
        byte[] bytes = annotatedRecord();

        var decoded = RecordFormat.decode(ByteBuffer.wrap(bytes), 0, bytes.length, 1024);

        assertThat(decoded).isEqualTo(new RecordFormat.Frame(258, RecordType.SAMPLE_BATCH, 1_000_000, 0, 2));
        assertThat(((RecordFormat.Frame) decoded).payloadOffset()).isEqualTo(21);
    }

    @Test
    void every_prefix_of_a_record_is_truncated_and_says_how_many_bytes_it_needs() {
        byte[] bytes = annotatedRecord();
        for (int cut = 0; cut < bytes.length; cut++) {
            var decoded = RecordFormat.decode(ByteBuffer.wrap(bytes), 0, cut, 1024);

            assertThat(decoded)
                    .as("cut at %d", cut)
                    .isEqualTo(new RecordFormat.Truncated(cut < RecordFormat.HEADER_BYTES ? 21 : 27));
        }
    }

    @Test
    void a_flipped_bit_anywhere_in_the_record_fails_the_checksum_or_the_length_check() {
        byte[] good = annotatedRecord();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);

                var decoded = RecordFormat.decode(ByteBuffer.wrap(bad), 0, bad.length, 1024);

                assertThat(decoded).as("byte %d bit %d", i, bit).isNotInstanceOf(RecordFormat.Frame.class);
            }
        }
    }

    @Test
    void a_length_above_the_maximum_is_refused_before_anything_else_is_read() {
        byte[] bytes = annotatedRecord();

        assertThat(RecordFormat.decode(ByteBuffer.wrap(bytes), 0, bytes.length, 1))
                .isEqualTo(new RecordFormat.Invalid(FrameError.LENGTH_EXCEEDS_LIMIT));
    }

    @Test
    void an_unknown_type_with_a_valid_checksum_is_reported_as_such() {
        ByteBuffer buf = ByteBuffer.allocate(RecordFormat.size(0));
        RecordFormat.encode(buf, 1, RecordType.OPAQUE, 0, new byte[0]);
        buf.put(12, (byte) 99);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, RecordFormat.HEADER_BYTES);
        buf.putInt(RecordFormat.HEADER_BYTES, (int) crc.getValue());

        assertThat(RecordFormat.decode(buf, 0, buf.capacity(), 16))
                .isEqualTo(new RecordFormat.Invalid(FrameError.UNKNOWN_TYPE));
    }

    @Test
    void append_times_keep_microseconds_before_and_after_the_epoch() {
        Instant before = Instant.parse("1969-12-31T23:59:59.999999Z");
        Instant after = Instant.parse("2026-11-25T10:15:30.123456789Z");

        assertThat(EpochMicros.instant(EpochMicros.micros(before))).isEqualTo(before);
        assertThat(EpochMicros.instant(EpochMicros.micros(after)))
                .isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
    }

    @Test
    void record_type_codes_are_stable() {
        assertThat(RecordType.SAMPLE_BATCH.code()).isEqualTo(1);
        assertThat(RecordType.EVENT.code()).isEqualTo(2);
        assertThat(RecordType.OPAQUE.code()).isEqualTo(3);
        for (RecordType t : RecordType.values()) {
            assertThat(RecordType.fromCode(t.code())).contains(t);
        }
        assertThat(RecordType.fromCode(0)).isEmpty();
    }
}
