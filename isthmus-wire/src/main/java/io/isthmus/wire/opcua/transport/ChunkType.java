package io.isthmus.wire.opcua.transport;

/** The fourth header byte (IEC 62541-6 §6.7.2.2, Table 48): where a chunk sits in its message. */
public enum ChunkType {
    /** 'F': the final (or only) chunk of a message. */
    FINAL('F'),
    /** 'C': an intermediate chunk; more follow. */
    INTERMEDIATE('C'),
    /** 'A': the sender aborts the message; the body is an Error and a reason (§6.7.3). */
    ABORT('A');

    private final char letter;

    ChunkType(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The constants, cloned once: {@code values()} copies its array on every call. */
    private static final ChunkType[] VALUES = values();

    static java.util.Optional<ChunkType> of(byte b) {
        for (ChunkType t : VALUES) {
            if (t.letter == b) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
