package io.isthmus.wire.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.capture.CaptureRecord.Skipped;
import java.nio.ByteBuffer;

/**
 * Any bytes, fed in chunks whose size the input chooses: only the documented record types come
 * out, nothing throws, and every packet, consumed count and request for more stays inside the
 * buffer and the limits. Seeds: {@code CaptureDecoderFuzzTestInputs/anyBytesDecodeWithinTheBuffer}.
 * Fuzzing mode: {@code JAZZER_FUZZ=1 ./mvnw -pl isthmus-wire test -Dtest=CaptureDecoderFuzzTest}.
 */
class CaptureDecoderFuzzTest {
    private static final CaptureLimits SMALL = new CaptureLimits(1024, 1024 + 64 * 1024, 4);

    @FuzzTest(maxDuration = "30s")
    void anyBytesDecodeWithinTheBuffer(byte[] input) {
        int chunk = 1 + (input.length == 0 ? 0 : (input[input.length - 1] & 0xFF));
        CaptureDecoder decoder = new CaptureDecoder(SMALL);
        ByteBuffer buf = ByteBuffer.wrap(input).limit(0);
        int guard = 0;
        while (guard++ < 4 * input.length + 16) {
            CaptureRecord r = decoder.next(buf);
            switch (r) {
                case Packet p -> {
                    assertThat(p.dataOffset()).isGreaterThanOrEqualTo(buf.position());
                    assertThat(p.dataOffset() + p.capturedLength()).isLessThanOrEqualTo(buf.limit());
                    assertThat(p.capturedLength()).isLessThanOrEqualTo(SMALL.maxPacketBytes());
                    advance(buf, p.consumed());
                }
                case Skipped s -> advance(buf, s.consumed());
                case NeedMore n -> {
                    assertThat(n.bytes()).isBetween(1, SMALL.maxRecordBytes());
                    if (buf.limit() == input.length) {
                        decoder.finish(buf)
                                .ifPresent(m -> assertThat(m.byteOffset()).isBetween(0L, (long) input.length));
                        return;
                    }
                    buf.limit(Math.min(input.length, buf.limit() + chunk));
                }
                case Malformed m -> {
                    assertThat(m.byteOffset()).isBetween(0L, (long) input.length + 8);
                    assertThat(decoder.next(buf)).isSameAs(m);
                    return;
                }
            }
        }
        throw new AssertionError("decoder made no progress");
    }

    private static void advance(ByteBuffer buf, int consumed) {
        assertThat(consumed).isBetween(1, buf.remaining());
        buf.position(buf.position() + consumed);
    }
}
