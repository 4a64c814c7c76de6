package io.isthmus.model;

/** A tag path that does not follow the ISA-95 naming rules; says which segment and why. */
public final class TagPathException extends IllegalArgumentException {
    private final String input;
    private final int offset;

    public TagPathException(String input, int offset, String reason) {
        super("invalid tag path '" + input + "' at offset " + offset + ": " + reason);
        this.input = input;
        this.offset = offset;
    }

    public String input() {
        return input;
    }

    /** Character offset in the input where the problem starts. */
    public int offset() {
        return offset;
    }
}
