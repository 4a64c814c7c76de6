package io.isthmus.wire.capture;

import io.isthmus.wire.capture.CaptureRecord.Malformed;
import io.isthmus.wire.capture.CaptureRecord.NeedMore;
import io.isthmus.wire.capture.CaptureRecord.Packet;
import io.isthmus.wire.capture.CaptureRecord.Skipped;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Feeds a capture to a {@link CaptureDecoder} in chunks of a given size, the way a stream reader
 * does: call, and on NeedMore append the next chunk. Checks the decoder's contract on the way.
 */
public final class CaptureFeed {

    /** A packet with its bytes copied out of the reader's buffer. */
    public record Seen(int interfaceId, int linkTypeCode, long timestampNanos, int originalLength, byte[] data) {}

    public record Result(List<Seen> packets, List<Skipped> skipped, Optional<Malformed> error) {}

    private CaptureFeed() {}

    public static Result decode(byte[] capture, int chunk) {
        return decode(capture, chunk, CaptureLimits.DEFAULT);
    }

    public static Result decode(byte[] capture, int chunk, CaptureLimits limits) {
        CaptureDecoder decoder = new CaptureDecoder(limits);
        ByteBuffer buf = ByteBuffer.allocate(Math.min(capture.length, 1024) + 16);
        buf.limit(0);
        int fed = 0;
        List<Seen> packets = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        while (true) {
            int position = buf.position();
            int limit = buf.limit();
            CaptureRecord r = decoder.next(buf);
            if (buf.position() != position || buf.limit() != limit) {
                throw new AssertionError("decoder moved the buffer");
            }
            switch (r) {
                case Packet p -> {
                    packets.add(seen(p, buf));
                    buf.position(buf.position() + p.consumed());
                }
                case Skipped s -> {
                    skipped.add(s);
                    buf.position(buf.position() + s.consumed());
                }
                case Malformed m -> {
                    return new Result(packets, skipped, Optional.of(m));
                }
                case NeedMore n -> {
                    if (n.bytes() > limits.maxRecordBytes()) {
                        throw new AssertionError("asked for more than the limit: " + n.bytes());
                    }
                    if (fed == capture.length) {
                        return new Result(packets, skipped, decoder.finish(buf));
                    }
                    int add = Math.min(chunk, capture.length - fed);
                    buf = append(buf, capture, fed, add);
                    fed += add;
                }
            }
        }
    }

    private static Seen seen(Packet p, ByteBuffer buf) {
        byte[] data = new byte[p.capturedLength()];
        buf.get(p.dataOffset(), data);
        return new Seen(p.interfaceId(), p.linkTypeCode(), p.timestampNanos(), p.originalLength(), data);
    }

    private static ByteBuffer append(ByteBuffer buf, byte[] src, int from, int count) {
        buf.compact();
        if (buf.remaining() < count) {
            ByteBuffer bigger = ByteBuffer.allocate((buf.position() + count) * 2);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        buf.put(src, from, count);
        buf.flip();
        return buf;
    }

    /** The packets' data as arrays, for comparing two decodes. */
    public static List<String> fingerprint(Result r) {
        return r.packets().stream()
                .map(s -> s.interfaceId() + "/" + s.timestampNanos() + "/" + s.originalLength() + "/"
                        + Arrays.hashCode(s.data()))
                .toList();
    }
}
