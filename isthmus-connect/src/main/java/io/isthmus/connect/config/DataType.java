package io.isthmus.connect.config;

/**
 * How a register point is encoded. {@link #STRING} carries its length in characters in {@link
 * ModbusAddress.RegisterPoint#length()}; two characters per register, first character in the high
 * byte.
 */
public enum DataType {
    INT16("int16", 1, true),
    UINT16("uint16", 1, true),
    INT32("int32", 2, true),
    UINT32("uint32", 2, true),
    FLOAT32("float32", 2, false),
    FLOAT64("float64", 4, false),
    STRING("string", 0, false);

    private final String token;
    private final int words;
    private final boolean integer;

    DataType(String token, int words, boolean integer) {
        this.token = token;
        this.words = words;
        this.integer = integer;
    }

    public String token() {
        return token;
    }

    /** Registers the type occupies; for strings see {@link ModbusAddress.RegisterPoint#words()}. */
    public int words() {
        return words;
    }

    public boolean isInteger() {
        return integer;
    }
}
