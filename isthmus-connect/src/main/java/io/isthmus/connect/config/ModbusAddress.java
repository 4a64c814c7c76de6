package io.isthmus.connect.config;

import java.util.Objects;

/**
 * Where a tag lives in a Modbus device, parsed once from its configuration string.
 *
 * <p>Syntax (fields separated by ':'):
 *
 * <pre>
 *   coil:0                        discrete:4            (bits; an optional third field 'bool')
 *   input:7:uint16                holding:40100:float32:be
 *   holding:2:int32:le            holding:11:uint32:be:scale=0.1:offset=-40
 *   holding:20:string(16)         ref:40101:float32     (Modicon reference, see below)
 * </pre>
 *
 * <p>The number after the table is always the 0-based <em>protocol address</em> as it goes on the
 * wire (Application Protocol V1.1b3, section 4.4), never a Modicon reference: {@code
 * holding:40100} is holding register address 40100. Modicon references are accepted only behind
 * the explicit {@code ref:} prefix, where the leading digit names the table (0 coil, 1 discrete
 * input, 3 input register, 4 holding register) and the rest is 1-based: {@code ref:40001} and
 * {@code ref:400001} are holding address 0, {@code ref:30008} is input address 7. Five-digit
 * references reach addresses 0..9998, six-digit ones 0..65535.
 *
 * <p>Register types: int16, uint16 (default), int32, uint32, float32, float64, string(n) with n
 * characters, two per register. Byte order for multi-register types: be (ABCD, default), le
 * (DCBA), ws (CDAB, word swap), bs (BADC, byte swap); see {@link ByteOrder}. Options {@code
 * scale=} and {@code offset=} give a linear {@link Scaling}.
 */
public sealed interface ModbusAddress {

    ModbusTable table();

    /** 0-based protocol address of the first bit or register. */
    int address();

    /** Bits or registers the point occupies. */
    int width();

    /** A coil or discrete input. */
    record BitPoint(ModbusTable table, int address) implements ModbusAddress {
        public BitPoint {
            Objects.requireNonNull(table, "table");
            if (!table.isBit()) {
                throw new IllegalArgumentException(table.token() + " is a register table, not a bit table");
            }
            requireAddress(address, 1);
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public String toString() {
            return table.token() + ":" + address;
        }
    }

    /**
     * A value in holding or input registers.
     *
     * @param length characters of a {@link DataType#STRING}; 0 for every other type
     */
    record RegisterPoint(ModbusTable table, int address, DataType type, int length, ByteOrder order, Scaling scaling)
            implements ModbusAddress {
        public RegisterPoint {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(scaling, "scaling");
            if (table.isBit()) {
                throw new IllegalArgumentException(table.token() + " is a bit table, not a register table");
            }
            if (type == DataType.STRING ? length < 1 || length > 250 : length != 0) {
                throw new IllegalArgumentException(
                        type == DataType.STRING
                                ? "string length must be 1..250 characters, was " + length
                                : "only strings have a length");
            }
            if (type == DataType.STRING && !scaling.isIdentity()) {
                throw new IllegalArgumentException("a string cannot be scaled");
            }
            requireAddress(address, wordsFor(type, length));
        }

        public static RegisterPoint of(ModbusTable table, int address, DataType type) {
            return new RegisterPoint(table, address, type, 0, ByteOrder.ABCD, Scaling.IDENTITY);
        }

        /** Registers the value occupies. */
        public int words() {
            return wordsFor(type, length);
        }

        @Override
        public int width() {
            return words();
        }

        @Override
        public String toString() {
            String t = type == DataType.STRING ? "string(" + length + ")" : type.token();
            String s = table.token() + ":" + address + ":" + t + ":" + order.shortToken();
            if (scaling.scale() != 1) {
                s += ":scale=" + scaling.scale();
            }
            if (scaling.offset() != 0) {
                s += ":offset=" + scaling.offset();
            }
            return s;
        }

        private static int wordsFor(DataType type, int length) {
            return type == DataType.STRING ? (length + 1) / 2 : type.words();
        }
    }

    /** Parses an address string; see the interface documentation for the syntax. */
    static ModbusAddress parse(String text) {
        return AddressParser.parse(text);
    }

    private static void requireAddress(int address, int width) {
        if (address < 0 || address + width - 1 > 65535) {
            throw new IllegalArgumentException("address " + address + " with " + width
                    + " bit(s)/register(s) does not fit the 16-bit address space 0..65535");
        }
    }
}
