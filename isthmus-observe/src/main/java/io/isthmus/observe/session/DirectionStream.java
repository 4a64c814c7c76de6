package io.isthmus.observe.session;

import io.isthmus.wire.Dissector;
import java.nio.ByteBuffer;

/**
 * One flow direction's dissector and the bytes it has not yet framed. The buffer is allocated only
 * when a message straddles packets, grows only as far as {@link SessionLimits#maxHeldBytes()}, and
 * is released once empty, so an idle flow holds nothing.
 */
final class DirectionStream {
    Dissector dissector;
    long skipRemaining;
    boolean stopped;
    private ByteBuffer held;

    DirectionStream(Dissector dissector) {
        this.dissector = dissector;
    }

    int heldBytes() {
        return held == null ? 0 : held.remaining();
    }

    /** The held bytes in read mode (position to limit). */
    ByteBuffer held() {
        return held;
    }

    /** Appends {@code data} (consuming it); false, with nothing appended, when it would exceed {@code max}. */
    boolean append(ByteBuffer data, int max) {
        int total = heldBytes() + data.remaining();
        if (total > max) {
            return false;
        }
        if (held == null || held.capacity() < total) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.min(max, Math.max(total, 2 * heldBytes() + 64)));
            if (held != null) {
                bigger.put(held);
            }
            held = bigger.flip();
        }
        held.compact().put(data).flip();
        return true;
    }

    /** Drops what has been consumed; frees the buffer once empty. */
    void settle() {
        if (held != null && !held.hasRemaining()) {
            held = null;
        }
    }

    void clear() {
        held = null;
    }
}
