package io.isthmus.wire.modbus;

/** Range checks for record components that travel as unsigned 8- or 16-bit wire fields. */
final class Fields {
    private Fields() {}

    static int requireU8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be 0..255, was " + value);
        }
        return value;
    }

    static int requireU16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
        }
        return value;
    }

    static byte[] requireLength(String name, byte[] value, int max) {
        if (value.length > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " bytes, was " + value.length);
        }
        return value;
    }

    static String hex(byte[] bytes) {
        var sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
