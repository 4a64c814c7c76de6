package io.isthmus.connect.config;

/** An address string that does not parse; the message quotes it and names the offending field. */
public final class AddressException extends IllegalArgumentException {
    private final String input;
    private final int field;

    public AddressException(String input, int field, String problem) {
        super("address '" + input + "': " + (field >= 0 ? "field " + (field + 1) + ": " : "") + problem);
        this.input = input;
        this.field = field;
    }

    public String input() {
        return input;
    }

    /** 0-based index of the ':'-separated field that is wrong, or -1 for the whole string. */
    public int field() {
        return field;
    }
}
