package io.isthmus.observe.flow;

import java.nio.ByteBuffer;

/**
 * One reused view per source buffer, so handing payload bytes to a listener allocates nothing on
 * the hot path. Each call re-aims the same view: it is valid until the next call.
 */
final class PayloadView {
    private ByteBuffer source;
    private ByteBuffer view;

    ByteBuffer of(ByteBuffer buffer, int offset, int length) {
        // No clear(): the new limit comes first and never fails (a position beyond it is pulled back
        // to it), so the position can follow; one Buffer call fewer per delivery under C1. A new
        // source buffer is handled apart so this stays small enough for C1 to inline (35 bytes).
        ByteBuffer v = buffer == source ? view : aim(buffer);
        return v.limit(offset + length).position(offset);
    }

    private ByteBuffer aim(ByteBuffer buffer) {
        source = buffer;
        view = buffer.duplicate();
        return view;
    }
}
