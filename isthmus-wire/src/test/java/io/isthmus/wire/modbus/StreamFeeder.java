package io.isthmus.wire.modbus;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.MessageSummary;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the session layer does with a dissector, in miniature, for tests: append delivered bytes,
 * loop {@code next} until NeedMore, apply consumed and skip, record messages and anomalies, and
 * remember the most bytes ever held.
 */
final class StreamFeeder {
    private final Dissector dissector;
    private final Direction direction;
    private ByteBuffer held = ByteBuffer.allocate(1 << 17).flip();
    final List<MessageSummary> messages = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    int maxHeld;
    boolean stopped;

    StreamFeeder(Dissector dissector, Direction direction) {
        this.dissector = dissector;
        this.direction = direction;
    }

    void feedInSegments(byte[] bytes, int segment) {
        for (int i = 0; i < bytes.length; i += segment) {
            feed(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + segment)));
        }
    }

    void feed(byte[] bytes) {
        held.compact().put(bytes).flip();
        while (held.hasRemaining() && !stopped) {
            int before = held.position();
            Dissection d = dissector.next(held, direction);
            if (held.position() != before) {
                throw new AssertionError("dissector moved the buffer");
            }
            switch (d) {
                case Dissection.Messages m -> {
                    messages.addAll(m.messages());
                    held.position(before + m.consumed());
                }
                case Dissection.NeedMore n -> {
                    maxHeld = Math.max(maxHeld, held.remaining());
                    return;
                }
                case Dissection.Malformed m -> {
                    anomalies.add(m.anomaly());
                    if (m.skip() == 0) {
                        stopped = true;
                    } else {
                        held.position(before + Math.min(m.skip(), held.remaining()));
                    }
                }
            }
        }
        maxHeld = Math.max(maxHeld, held.remaining());
    }
}
