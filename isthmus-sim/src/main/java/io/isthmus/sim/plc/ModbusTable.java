package io.isthmus.sim.plc;

/** The four Modbus data tables (Modbus Application Protocol V1.1b3, section 4.3). */
public enum ModbusTable {
    /** 0x references: single-bit, read/write by clients (commands). */
    COIL(true, true),
    /** 1x references: single-bit, read-only (status). */
    DISCRETE_INPUT(true, false),
    /** 4x references: 16-bit, read/write by clients (setpoints). */
    HOLDING_REGISTER(false, true),
    /** 3x references: 16-bit, read-only (measurements). */
    INPUT_REGISTER(false, false);

    private final boolean bit;
    private final boolean clientWritable;

    ModbusTable(boolean bit, boolean clientWritable) {
        this.bit = bit;
        this.clientWritable = clientWritable;
    }

    public boolean isBit() {
        return bit;
    }

    public boolean isClientWritable() {
        return clientWritable;
    }
}
