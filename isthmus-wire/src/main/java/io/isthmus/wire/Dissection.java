package io.isthmus.wire;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of asking a dissector for the next message at a buffer's position (STYLE.md habit
 * 3): a complete message and the bytes it used, a request for more bytes, or malformed input with
 * where it went wrong and how far to skip to find the next frame.
 */
public sealed interface Dissection {

    /** One or more complete messages (a frame may carry several, e.g. S7 items or DNP3 fragments). */
    record Messages(List<MessageSummary> messages, int consumed) implements Dissection {
        /**
         * The class of a one- or two-element {@code List.of}, what most dissectors hand their
         * messages over in: unmodifiable and without nulls, so {@link List#copyOf} would return it
         * as it is. Checked here because {@code analyze} runs C1, which calls {@code List.copyOf}
         * and its helper out of line for every message.
         */
        private static final Class<?> ONE_OR_TWO = List.of(0).getClass();

        public Messages {
            messages = messages.getClass() == ONE_OR_TWO ? messages : List.copyOf(messages);
            if (consumed <= 0) {
                throw new IllegalArgumentException("a complete message consumes at least one byte");
            }
        }
    }

    /** Not enough bytes yet: at least {@code bytes} more are needed (bounded by the protocol's limits). */
    record NeedMore(int bytes) implements Dissection {
        public NeedMore {
            if (bytes <= 0) {
                throw new IllegalArgumentException("need at least one more byte");
            }
        }
    }

    /**
     * Malformed input at {@code offset} (relative to the buffer's position). {@code skip} bytes can
     * be dropped to try again after the damage; 0 means the stream cannot be resynchronised and the
     * rest of this flow's direction should be ignored (and counted).
     */
    record Malformed(Anomaly anomaly, int offset, int skip) implements Dissection {
        public Malformed {
            Objects.requireNonNull(anomaly, "anomaly");
            if (offset < 0 || skip < 0) {
                throw new IllegalArgumentException("offset and skip must not be negative");
            }
        }
    }
}
