package io.isthmus.wire.modbus;

/**
 * Every size and count of a Modbus message that the sender controls, in one place.
 *
 * <p>Decoders check each length read from the wire against these limits and against the bytes
 * actually present before they allocate anything. {@link #SPEC} holds the values of the Modbus
 * Application Protocol Specification V1.1b3 (section 4.1: PDU of at most 253 bytes; section 6:
 * quantity ranges per function) and the Modbus Messaging on TCP/IP Implementation Guide V1.0b
 * (section 3.1.3: ADU of at most 260 bytes).
 *
 * @param maxAdu largest MBAP frame: 7-byte MBAP header plus PDU
 * @param maxPdu largest PDU (function code plus data)
 * @param maxReadCoils largest quantity of coils or discrete inputs one read may ask for (FC 1, 2)
 * @param maxReadRegisters largest quantity of registers one read may ask for (FC 3, 4, read side of 23)
 * @param maxWriteCoils largest quantity of coils one write may carry (FC 15)
 * @param maxWriteRegisters largest quantity of registers one write may carry (FC 16)
 * @param maxReadWriteWriteRegisters largest write quantity of Read/Write Multiple Registers (FC 23)
 * @param maxFifoCount largest FIFO count in a Read FIFO Queue response (FC 24)
 * @param maxFileSubRequests most sub-requests in one Read or Write File Record PDU (FC 20, 21)
 * @param maxDeviceIdObjects most objects in one Read Device Identification response (FC 43/14)
 */
public record ModbusLimits(
        int maxAdu,
        int maxPdu,
        int maxReadCoils,
        int maxReadRegisters,
        int maxWriteCoils,
        int maxWriteRegisters,
        int maxReadWriteWriteRegisters,
        int maxFifoCount,
        int maxFileSubRequests,
        int maxDeviceIdObjects) {

    /** Size of the MBAP header, including the unit identifier (TCP/IP guide section 3.1.3). */
    public static final int MBAP_HEADER_LENGTH = 7;

    /** The limits of the specifications themselves. */
    public static final ModbusLimits SPEC = new ModbusLimits(260, 253, 2000, 125, 1968, 123, 121, 31, 35, 128);

    /**
     * What a passive sensor frames: the specification's counts, but MBAP lengths up to 1025 (a PDU of
     * 1024 bytes), because real devices exceed the 260-byte ADU (Schneider's UMAS on function code
     * 90 sends MBAP lengths of 255 and more) and a sensor must still see those messages. The
     * dissector flags every frame above {@link #SPEC}'s length; longer claims are malformed.
     */
    public static final ModbusLimits SENSOR = new ModbusLimits(1031, 1024, 2000, 125, 1968, 123, 121, 31, 35, 128);

    public ModbusLimits {
        requireRange("maxPdu", maxPdu, 1, 65534);
        requireRange("maxAdu", maxAdu, maxPdu + MBAP_HEADER_LENGTH, 65535 + 6);
        requireRange("maxReadCoils", maxReadCoils, 1, 65535);
        requireRange("maxReadRegisters", maxReadRegisters, 1, 65535);
        requireRange("maxWriteCoils", maxWriteCoils, 1, 65535);
        requireRange("maxWriteRegisters", maxWriteRegisters, 1, 65535);
        requireRange("maxReadWriteWriteRegisters", maxReadWriteWriteRegisters, 1, 65535);
        requireRange("maxFifoCount", maxFifoCount, 0, 65535);
        requireRange("maxFileSubRequests", maxFileSubRequests, 1, 255);
        requireRange("maxDeviceIdObjects", maxDeviceIdObjects, 1, 255);
    }

    /** The largest MBAP length field accepted: unit identifier plus the largest PDU. */
    public int maxMbapLength() {
        return maxPdu + 1;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
