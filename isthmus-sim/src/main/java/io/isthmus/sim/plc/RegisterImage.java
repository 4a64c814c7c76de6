package io.isthmus.sim.plc;

import java.util.Arrays;

/**
 * The I/O image of one simulated PLC in the four Modbus tables (Modbus Application Protocol
 * V1.1b3, section 4.3): coils and holding registers are writable by clients, discrete inputs and
 * input registers only by the process model. Addresses are 0-based protocol addresses.
 *
 * <p>Thread-safe: the Modbus server threads and the process model's tick share one instance. Reads
 * and writes of a range are atomic with respect to each other.
 */
public final class RegisterImage {
    private final boolean[] coils;
    private final boolean[] discreteInputs;
    private final short[] holdingRegisters;
    private final short[] inputRegisters;

    public RegisterImage(int coilCount, int discreteInputCount, int holdingCount, int inputCount) {
        this.coils = new boolean[requireSize(coilCount, "coils")];
        this.discreteInputs = new boolean[requireSize(discreteInputCount, "discrete inputs")];
        this.holdingRegisters = new short[requireSize(holdingCount, "holding registers")];
        this.inputRegisters = new short[requireSize(inputCount, "input registers")];
    }

    public int coilCount() {
        return coils.length;
    }

    public int discreteInputCount() {
        return discreteInputs.length;
    }

    public int holdingRegisterCount() {
        return holdingRegisters.length;
    }

    public int inputRegisterCount() {
        return inputRegisters.length;
    }

    /** True when {@code [address, address + quantity)} lies inside a table of {@code size} entries. */
    public static boolean inRange(int size, int address, int quantity) {
        return address >= 0 && quantity >= 0 && (long) address + quantity <= size;
    }

    public synchronized boolean[] readCoils(int address, int quantity) {
        check(coils.length, address, quantity, "coils");
        return Arrays.copyOfRange(coils, address, address + quantity);
    }

    public synchronized boolean[] readDiscreteInputs(int address, int quantity) {
        check(discreteInputs.length, address, quantity, "discrete inputs");
        return Arrays.copyOfRange(discreteInputs, address, address + quantity);
    }

    public synchronized short[] readHoldingRegisters(int address, int quantity) {
        check(holdingRegisters.length, address, quantity, "holding registers");
        return Arrays.copyOfRange(holdingRegisters, address, address + quantity);
    }

    public synchronized short[] readInputRegisters(int address, int quantity) {
        check(inputRegisters.length, address, quantity, "input registers");
        return Arrays.copyOfRange(inputRegisters, address, address + quantity);
    }

    public synchronized void writeCoils(int address, boolean[] values) {
        check(coils.length, address, values.length, "coils");
        System.arraycopy(values, 0, coils, address, values.length);
    }

    public synchronized void writeHoldingRegisters(int address, short[] values) {
        check(holdingRegisters.length, address, values.length, "holding registers");
        System.arraycopy(values, 0, holdingRegisters, address, values.length);
    }

    /** Process-model side: sets a discrete input. */
    public synchronized void setDiscreteInput(int address, boolean value) {
        check(discreteInputs.length, address, 1, "discrete inputs");
        discreteInputs[address] = value;
    }

    /** Process-model side: sets an input register. */
    public synchronized void setInputRegister(int address, short value) {
        check(inputRegisters.length, address, 1, "input registers");
        inputRegisters[address] = value;
    }

    public synchronized boolean coil(int address) {
        check(coils.length, address, 1, "coils");
        return coils[address];
    }

    public synchronized short holdingRegister(int address) {
        check(holdingRegisters.length, address, 1, "holding registers");
        return holdingRegisters[address];
    }

    public synchronized boolean discreteInput(int address) {
        check(discreteInputs.length, address, 1, "discrete inputs");
        return discreteInputs[address];
    }

    public synchronized short inputRegister(int address) {
        check(inputRegisters.length, address, 1, "input registers");
        return inputRegisters[address];
    }

    private static void check(int size, int address, int quantity, String table) {
        if (!inRange(size, address, quantity)) {
            throw new IndexOutOfBoundsException(
                    table + " [" + address + ", " + ((long) address + quantity) + ") outside [0, " + size + ")");
        }
    }

    private static int requireSize(int n, String table) {
        if (n < 0 || n > 65536) {
            throw new IllegalArgumentException(table + " count must be 0..65536, was " + n);
        }
        return n;
    }
}
