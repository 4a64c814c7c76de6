package io.isthmus.wire.modbus.rtu;

/**
 * CRC-16/MODBUS (Modbus over Serial Line Specification V1.02, section 6.2.2): polynomial 0xA001
 * (reflected 0x8005), initial value 0xFFFF, no final XOR. On the wire the low byte goes first.
 */
public final class Crc16 {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16() {}

    /** The CRC of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
