package io.isthmus.connect.config;

/** The four Modbus data tables (Modbus Application Protocol Specification V1.1b3, section 4.3). */
public enum ModbusTable {
    /** 0x references, read with function 1. */
    COIL("coil", true, 0),
    /** 1x references, read with function 2. */
    DISCRETE_INPUT("discrete", true, 1),
    /** 4x references, read with function 3. */
    HOLDING_REGISTER("holding", false, 4),
    /** 3x references, read with function 4. */
    INPUT_REGISTER("input", false, 3);

    private final String token;
    private final boolean bit;
    private final int referencePrefix;

    ModbusTable(String token, boolean bit, int referencePrefix) {
        this.token = token;
        this.bit = bit;
        this.referencePrefix = referencePrefix;
    }

    /** The word used in address strings. */
    public String token() {
        return token;
    }

    public boolean isBit() {
        return bit;
    }

    /** The leading digit of Modicon-style references (0x, 1x, 3x, 4x). */
    public int referencePrefix() {
        return referencePrefix;
    }
}
