package io.isthmus.insight.rul;

/** A C-MAPSS text file that does not follow the layout; names the line (from 1) and what is wrong. */
public final class CmapssFormatException extends RuntimeException {
    private final int line;

    public CmapssFormatException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
