package io.isthmus.connect.transfer.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The diode frame and batch body decoders over arbitrary bytes, as a hostile or broken link could
 * deliver them: a frame or a typed refusal, never an exception, and whatever decodes encodes back
 * to the same bytes. Regression mode runs the seeds in {@code FrameCodecFuzzTestInputs/}.
 */
class FrameCodecFuzzTest {
    private static final FrameLimits LIMITS = new FrameLimits(65_507, 200, 56, 1 << 20, 4096, 64, 512);
    private final FrameCodec codec = new FrameCodec(LIMITS);
    private final BatchBody bodies = new BatchBody(LIMITS);

    @FuzzTest(maxDuration = "60s")
    void any_datagram_decodes_to_a_frame_or_a_reason(byte[] data) {
        switch (codec.decode(data)) {
            case FrameDecoding.Decoded d -> {
                if (!(d.frame() instanceof DiodeFrame.Manifest)) {
                    assertThat(codec.encode(d.frame())).isEqualTo(data);
                }
            }
            case FrameDecoding.Malformed m -> assertThat(m.offset()).isBetween(0, Math.max(0, data.length));
        }
        // the same bytes with a valid CRC reach the field checks
        if (data.length >= FrameCodec.HEADER_BYTES) {
            codec.decode(FrameCodecTest.withCrc(data));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void any_body_decodes_to_records_or_a_reason(byte[] data) throws Exception {
        check(data);
        // the same bytes under a valid SHA-256 reach the record parser
        byte[] hashed = java.util.Arrays.copyOf(data, data.length + BatchBody.HASH_BYTES);
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(data);
        System.arraycopy(hash, 0, hashed, data.length, BatchBody.HASH_BYTES);
        check(hashed);
    }

    private void check(byte[] data) {
        switch (bodies.decode(data, data.length)) {
            case BatchBody.Decoding.Decoded d ->
                assertThat(BatchBody.encode(d.records())).isEqualTo(data);
            case BatchBody.Decoding.Malformed m -> assertThat(m.offset()).isBetween(0, data.length);
        }
    }
}
