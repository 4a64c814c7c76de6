package io.isthmus.wire;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of asking a dissector for the next message at a buffer's position (STYLE.md habit
 * 3): a complete message and the bytes it used, a request for more bytes, or malformed input with
 * where it went wrong and how far to skip to find the next frame.
 */
public sealed interface Dissection {

    /**
     * Complete messages and the bytes they used: none (a frame that carries no message), one, or
     * several (a frame may carry several, e.g. S7 items or DNP3 fragments).
     *
     * <p>A class rather than a record: most frames carry one message, and a record would need a
     * list object around it; {@link #count} and {@link #get} read the messages without one, and
     * {@link #messages} makes the list only for a caller that asks. Equal as a record of {@code
     * (messages, consumed)} would be.
     */
    final class Messages implements Dissection {
        /**
         * The class of a one- or two-element {@code List.of}: unmodifiable and without nulls, so
         * {@link List#copyOf} would return it as it is. Checked here because {@code analyze} runs
         * C1, which calls {@code List.copyOf} and its helper out of line for every message.
         */
        private static final Class<?> ONE_OR_TWO = List.of(0).getClass();

        /** The message when there is exactly one and no list was given, else null. */
        private final MessageSummary one;

        /** The messages when given as a list, else null. */
        private final List<MessageSummary> many;

        private final int consumed;

        /** Any number of messages (copied unless unmodifiable already). */
        public Messages(List<MessageSummary> messages, int consumed) {
            this.one = null;
            this.many = messages.getClass() == ONE_OR_TWO ? messages : List.copyOf(messages);
            this.consumed = checked(consumed);
        }

        /** One message: the common case, without a list. */
        public Messages(MessageSummary message, int consumed) {
            this.one = Objects.requireNonNull(message, "message");
            this.many = null;
            this.consumed = checked(consumed);
        }

        private static int checked(int consumed) {
            if (consumed <= 0) {
                throw new IllegalArgumentException("a complete message consumes at least one byte");
            }
            return consumed;
        }

        /** The messages in order, unmodifiable. */
        public List<MessageSummary> messages() {
            return one != null ? List.of(one) : many;
        }

        /** How many messages there are. */
        public int count() {
            return one != null ? 1 : many.size();
        }

        /** The {@code i}-th message. */
        public MessageSummary get(int i) {
            if (one != null) {
                Objects.checkIndex(i, 1);
                return one;
            }
            return many.get(i);
        }

        /** The bytes the messages used, at least one. */
        public int consumed() {
            return consumed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Messages m
                    && consumed == m.consumed
                    && messages().equals(m.messages());
        }

        @Override
        public int hashCode() {
            return 31 * messages().hashCode() + consumed;
        }

        @Override
        public String toString() {
            return "Messages[messages=" + messages() + ", consumed=" + consumed + "]";
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
