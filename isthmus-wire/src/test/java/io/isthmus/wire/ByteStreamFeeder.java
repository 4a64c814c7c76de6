package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the session layer for tests: feeds a byte stream to a dissector in segments of a given
 * size, keeps what is not consumed, advances by {@code consumed} or {@code skip}, stops a direction
 * on skip 0, and checks the {@link Dissector} contract on every call (position and limit untouched,
 * consumed and skip within the bytes offered, need-more positive and within {@code maxNeed}).
 */
public final class ByteStreamFeeder {

    /** Everything one direction produced. */
    public record Fed(
            List<MessageSummary> messages, List<Dissection.Malformed> malformed, boolean stopped, int leftover) {
        public List<String> anomalyCodes() {
            List<String> codes = new ArrayList<>();
            malformed.forEach(m -> codes.add(m.anomaly().code()));
            messages.forEach(m -> m.anomalies().forEach(a -> codes.add(a.code())));
            return codes;
        }
    }

    private ByteStreamFeeder() {}

    /** Feeds {@code stream} in segments of {@code segment} bytes. */
    public static Fed feed(Dissector dissector, byte[] stream, int segment, Direction hint, long maxNeed) {
        List<byte[]> segments = new ArrayList<>();
        for (int i = 0; i < stream.length; i += segment) {
            segments.add(java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + segment)));
        }
        return feedSegments(dissector, segments, hint, maxNeed);
    }

    /** Feeds the given segments in order, as a TCP reassembler would deliver them. */
    public static Fed feedSegments(Dissector dissector, List<byte[]> segments, Direction hint, long maxNeed) {
        List<MessageSummary> messages = new ArrayList<>();
        List<Dissection.Malformed> malformed = new ArrayList<>();
        byte[] pending = new byte[0];
        for (byte[] segment : segments) {
            pending = concat(pending, segment);
            int offset = 0;
            while (offset < pending.length) {
                ByteBuffer view = ByteBuffer.wrap(pending, offset, pending.length - offset)
                        .slice();
                int remaining = view.remaining();
                Dissection d = dissector.next(view, hint);
                assertThat(view.position()).as("position untouched").isZero();
                assertThat(view.limit()).as("limit untouched").isEqualTo(remaining);
                if (d instanceof Dissection.Messages m) {
                    assertThat(m.consumed()).isBetween(1, remaining);
                    messages.addAll(m.messages());
                    offset += m.consumed();
                } else if (d instanceof Dissection.NeedMore n) {
                    assertThat((long) n.bytes()).isBetween(1L, maxNeed);
                    break;
                } else if (d instanceof Dissection.Malformed bad) {
                    assertThat(bad.skip()).isBetween(0, remaining);
                    assertThat(bad.offset()).isGreaterThanOrEqualTo(0);
                    malformed.add(bad);
                    if (bad.skip() == 0) {
                        return new Fed(messages, malformed, true, pending.length - offset);
                    }
                    offset += bad.skip();
                }
            }
            pending = java.util.Arrays.copyOfRange(pending, offset, pending.length);
        }
        return new Fed(messages, malformed, false, pending.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
