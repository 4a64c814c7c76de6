package io.isthmus.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays the session layer for one flow direction in tests: bytes arrive in chunks, the dissector
 * is asked for the next message until it needs more, and the stream advances by {@code consumed}
 * or {@code skip} as the {@link Dissector} contract says. Checks the contract on every call: the
 * buffer's position and limit are untouched, consumed, skip and need-more stay within the bytes
 * delivered and the given bound.
 */
public final class DissectorFeed {

    /** Everything one direction produced; {@code pending} octets were left waiting for more. */
    public record Outcome(
            List<MessageSummary> messages, List<Dissection.Malformed> malformed, int pending, boolean abandoned) {

        public List<Anomaly> anomalies() {
            List<Anomaly> all = new ArrayList<>();
            malformed.forEach(m -> all.add(m.anomaly()));
            messages.forEach(m -> all.addAll(m.anomalies()));
            return all;
        }

        public List<String> anomalyCodes() {
            return anomalies().stream().map(Anomaly::code).toList();
        }
    }

    private final Dissector dissector;
    private final Direction hint;
    private final int maxNeedMore;
    private final List<MessageSummary> messages = new ArrayList<>();
    private final List<Dissection.Malformed> malformed = new ArrayList<>();
    private byte[] stream = new byte[0];
    private int received;
    private int position;
    private boolean abandoned;
    private View view = View.EXACT_ARRAY;

    private DissectorFeed(Dissector dissector, Direction hint, int maxNeedMore) {
        this.dissector = dissector;
        this.hint = hint;
        this.maxNeedMore = maxNeedMore;
    }

    /** Feeds {@code bytes} in chunks of {@code chunk} octets (1 = one octet per segment). */
    public static Outcome feed(Dissector dissector, byte[] bytes, int chunk, Direction hint, int maxNeedMore) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            chunks.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
        }
        return feed(dissector, chunks, hint, maxNeedMore);
    }

    /**
     * How the octets are handed to the dissector. Dissectors read a writable heap buffer's array in
     * place and copy any other kind first ({@link Octets}); all kinds must give the same outcome.
     */
    public enum View {
        /** A heap buffer over an array exactly as long as the octets received (the default). */
        EXACT_ARRAY,
        /** A heap buffer over an array with junk octets after the limit, as a capture buffer has. */
        ARRAY_WITH_JUNK_AFTER,
        /** A read-only heap buffer (no accessible array). */
        READ_ONLY,
        /** A direct buffer. */
        DIRECT
    }

    /** Feeds the chunks in order, as TCP segments arriving one by one. */
    public static Outcome feed(Dissector dissector, List<byte[]> chunks, Direction hint, int maxNeedMore) {
        return feed(dissector, chunks, hint, maxNeedMore, View.EXACT_ARRAY);
    }

    /** Feeds the chunks in order, each call seeing the octets through {@code view}. */
    public static Outcome feed(Dissector dissector, List<byte[]> chunks, Direction hint, int maxNeedMore, View view) {
        DissectorFeed feed = new DissectorFeed(dissector, hint, maxNeedMore);
        feed.view = view;
        for (byte[] chunk : chunks) {
            if (feed.abandoned) {
                break;
            }
            feed.append(chunk);
            feed.drain();
        }
        return new Outcome(feed.messages, feed.malformed, feed.received - feed.position, feed.abandoned);
    }

    /**
     * The array is always exactly the octets received, never larger: dissectors read a heap
     * buffer's array directly ({@link Octets}), so a read past the limit must run off the array's
     * end and throw, as it would on a buffer, instead of reading spare capacity.
     */
    private void append(byte[] chunk) {
        stream = Arrays.copyOf(stream, received + chunk.length);
        System.arraycopy(chunk, 0, stream, received, chunk.length);
        received += chunk.length;
    }

    private void drain() {
        while (position < received && !abandoned) {
            // a view at an offset into the array: dissectors must index from the position
            ByteBuffer view = view();
            Dissection d = dissector.next(view, hint);
            require(view.position() == position && view.limit() == received, "the dissector moved the buffer");
            switch (d) {
                case Dissection.Messages m -> {
                    require(m.consumed() <= received - position, "consumed beyond the data: " + m);
                    messages.addAll(m.messages());
                    // Attributes may be described lazily (LazyAttributes): build them here, so
                    // hostile input reaches that code as it does when analyze writes the line.
                    m.messages().forEach(s -> s.attributes().size());
                    position += m.consumed();
                }
                case Dissection.NeedMore n -> {
                    require(n.bytes() <= maxNeedMore, "need-more beyond the bound: " + n);
                    return;
                }
                case Dissection.Malformed m -> {
                    require(m.skip() <= received - position, "skip beyond the data: " + m);
                    require(m.offset() <= received - position, "offset beyond the data: " + m);
                    malformed.add(m);
                    abandoned = m.skip() == 0;
                    position += m.skip();
                }
            }
        }
    }

    private ByteBuffer view() {
        return switch (view) {
            case EXACT_ARRAY -> ByteBuffer.wrap(stream, position, received - position);
            case ARRAY_WITH_JUNK_AFTER -> {
                byte[] padded = Arrays.copyOf(stream, received + 64);
                Arrays.fill(padded, received, padded.length, (byte) 0x05); // a DNP3, ENIP and TPKT-ish octet
                yield ByteBuffer.wrap(padded, position, received - position);
            }
            case READ_ONLY ->
                ByteBuffer.wrap(stream, position, received - position).asReadOnlyBuffer();
            case DIRECT -> ByteBuffer.allocateDirect(received).put(stream).position(position);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
