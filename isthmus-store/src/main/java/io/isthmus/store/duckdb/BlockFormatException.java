package io.isthmus.store.duckdb;

/** A block that does not decode: what is wrong and at which byte of the block. */
final class BlockFormatException extends Exception {
    private final int offset;

    BlockFormatException(String reason, int offset) {
        super(reason + " at byte " + offset);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
