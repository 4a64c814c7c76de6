package io.isthmus.connect.config;

/**
 * The order of the bytes of a multi-register value, named by where bytes A (most significant) to
 * D land. Modbus fixes the byte order within a register (big-endian, Application Protocol
 * V1.1b3 section 4.2) but says nothing about the order of registers; devices differ.
 */
public enum ByteOrder {
    /** {@code be} / {@code abcd}: high word first, high byte first (the Modbus default, the simulator's). */
    ABCD("be"),
    /** {@code le} / {@code dcba}: fully little-endian. */
    DCBA("le"),
    /** {@code ws} / {@code cdab}: word-swapped, low word first (common on PLCs with 32-bit floats). */
    CDAB("ws"),
    /** {@code bs} / {@code badc}: bytes swapped within each register. */
    BADC("bs");

    private final String shortToken;

    ByteOrder(String shortToken) {
        this.shortToken = shortToken;
    }

    public String shortToken() {
        return shortToken;
    }

    /** Parses {@code be}, {@code le}, {@code ws}, {@code bs} or the four-letter names; empty when unknown. */
    static java.util.Optional<ByteOrder> parse(String token) {
        for (ByteOrder o : values()) {
            if (o.shortToken.equals(token) || o.name().equalsIgnoreCase(token)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
