package io.isthmus.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays the session layer for dissector tests: appends each delivered chunk to a pending buffer,
 * asks the dissector for messages until it needs more, and drops consumed or skipped bytes. Checks
 * the seam's contract on every call: the buffer's position and limit stay put, and consumed, skip
 * and offsets stay within the bytes offered.
 */
public final class DissectorStreamFeed {
    private final Dissector dissector;
    private final Direction hint;
    private final List<MessageSummary> messages = new ArrayList<>();
    private final List<Dissection.Malformed> malformed = new ArrayList<>();
    private byte[] pending = new byte[0];
    private boolean abandoned;
    private int calls;

    public DissectorStreamFeed(Dissector dissector, Direction hint) {
        this.dissector = dissector;
        this.hint = hint;
    }

    /** Feeds the whole stream in chunks of {@code chunk} bytes. */
    public DissectorStreamFeed feedInChunks(byte[] stream, int chunk) {
        for (int i = 0; i < stream.length; i += chunk) {
            feed(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk)));
        }
        return this;
    }

    /** Delivers one segment and dissects as far as the bytes allow. */
    public DissectorStreamFeed feed(byte[] segment) {
        if (abandoned) {
            return this;
        }
        byte[] joined = Arrays.copyOf(pending, pending.length + segment.length);
        System.arraycopy(segment, 0, joined, pending.length, segment.length);
        pending = joined;
        int at = 0;
        while (at < pending.length && !abandoned) {
            int step = step(at);
            if (step == 0) {
                break;
            }
            at += step;
        }
        pending = Arrays.copyOfRange(pending, at, pending.length);
        return this;
    }

    /** One call at {@code at}; returns the bytes to drop, 0 to wait for more. */
    private int step(int at) {
        ByteBuffer view = ByteBuffer.wrap(pending);
        view.position(at);
        int limit = view.limit();
        int remaining = view.remaining();
        Dissection d = dissector.next(view, hint);
        calls++;
        assertThat(view.position()).as("position unchanged").isEqualTo(at);
        assertThat(view.limit()).as("limit unchanged").isEqualTo(limit);
        return switch (d) {
            case Dissection.Messages m -> {
                assertThat(m.consumed()).isBetween(1, remaining);
                messages.addAll(m.messages());
                yield m.consumed();
            }
            case Dissection.NeedMore n -> 0;
            case Dissection.Malformed m -> {
                assertThat(m.skip()).isBetween(0, remaining);
                assertThat(m.offset()).isBetween(0, remaining);
                malformed.add(m);
                if (m.skip() == 0) {
                    abandoned = true;
                }
                yield m.skip();
            }
        };
    }

    public List<MessageSummary> messages() {
        return messages;
    }

    public List<Dissection.Malformed> malformed() {
        return malformed;
    }

    /** Anomaly codes of malformed results and of messages, in order of appearance per kind. */
    public List<String> anomalyCodes() {
        List<String> codes = new ArrayList<>();
        malformed.forEach(m -> codes.add(m.anomaly().code()));
        messages.forEach(m -> m.anomalies().forEach(a -> codes.add(a.code())));
        return codes;
    }

    /** Bytes delivered but not yet consumed (a frame still arriving). */
    public int pendingBytes() {
        return pending.length;
    }

    public boolean abandoned() {
        return abandoned;
    }

    public int calls() {
        return calls;
    }
}
