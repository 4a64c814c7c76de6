package io.isthmus.wire.opcua.transport;

import java.nio.ByteBuffer;

/**
 * The 8-byte header every OPC UA TCP message starts with (IEC 62541-6 §7.1.2.2 and §6.7.2.2):
 * three letters of message type, one chunk-type letter and the UInt32 MessageSize, which counts
 * the header itself.
 */
public record ChunkHeader(MessageType type, ChunkType chunkType, long size) {

    /** Bytes in the header. */
    public static final int LENGTH = 8;

    /** What the bytes at a buffer's position say about a header. */
    public sealed interface Check {}

    /** A complete, plausible header. */
    public record Valid(ChunkHeader header) implements Check {}

    /** The bytes so far are a plausible start; {@code needed} more complete the header. */
    public record Partial(int needed) implements Check {}

    /** Not a header: {@code offset} is the first offending byte. */
    public record Invalid(Problem problem, int offset, long value) implements Check {}

    /** What {@link #check} answers for a first byte that starts no message type. */
    private static final Invalid FIRST_LETTER_UNKNOWN = new Invalid(Problem.MESSAGE_TYPE_UNKNOWN, 0, 0);

    /** Why bytes are not a header. */
    public enum Problem {
        MESSAGE_TYPE_UNKNOWN,
        CHUNK_TYPE_UNKNOWN,
        SIZE_TOO_SMALL,
        SIZE_EXCEEDS_LIMIT
    }

    /**
     * Checks the header at {@code start}, looking at no more than {@code available} bytes. Each
     * byte is judged as soon as it is there, so a stream of garbage is refused at its first byte and
     * a size claim over {@code maxSize} at the eighth, before anything is buffered for it.
     */
    public static Check check(ByteBuffer buffer, int start, int available, long maxSize) {
        if (available > 0 && !MessageType.anyStartsWith(buffer.get(start))) {
            // Most bytes are not a header's first letter: every other protocol's first payload
            // probed during identification, every byte scanned while resynchronising. Answered
            // without a copy of the header or a new result (perf12m).
            return FIRST_LETTER_UNKNOWN;
        }
        int have = Math.min(available, LENGTH);
        byte[] head = new byte[have];
        buffer.get(start, head);
        int letters = Math.min(have, 3);
        if (!MessageType.anyStartsWith(head, letters)) {
            return new Invalid(Problem.MESSAGE_TYPE_UNKNOWN, firstBadLetter(head, letters), 0);
        }
        if (have >= 4 && ChunkType.of(head[3]).isEmpty()) {
            return new Invalid(Problem.CHUNK_TYPE_UNKNOWN, 3, head[3] & 0xFF);
        }
        if (have < LENGTH) {
            return new Partial(LENGTH - have);
        }
        long size = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        if (size < LENGTH) {
            return new Invalid(Problem.SIZE_TOO_SMALL, 4, size);
        }
        if (size > maxSize) {
            return new Invalid(Problem.SIZE_EXCEEDS_LIMIT, 4, size);
        }
        MessageType type = MessageType.of(head[0], head[1], head[2]).orElseThrow();
        return new Valid(new ChunkHeader(type, ChunkType.of(head[3]).orElseThrow(), size));
    }

    private static int firstBadLetter(byte[] head, int letters) {
        for (int n = 1; n <= letters; n++) {
            if (!MessageType.anyStartsWith(head, n)) {
                return n - 1;
            }
        }
        return 0;
    }
}
