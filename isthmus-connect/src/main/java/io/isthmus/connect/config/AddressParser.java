package io.isthmus.connect.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parser behind {@link ModbusAddress#parse}; every error names the field and what was expected. */
final class AddressParser {
    private static final Pattern STRING_TYPE = Pattern.compile("string\\((\\d{1,3})\\)");
    private static final String TABLES = "coil, discrete, input, holding or ref";

    private AddressParser() {}

    static ModbusAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new AddressException(String.valueOf(text), -1, "is empty; write e.g. holding:100:float32:be");
        }
        String[] f = text.trim().split(":", -1);
        ModbusTable table;
        int address;
        if (f[0].equals("ref")) {
            if (f.length < 2) {
                throw new AddressException(text, 1, "missing; write a Modicon reference such as ref:40001");
            }
            int[] ta = reference(text, f[1]);
            table = ModbusTable.values()[ta[0]];
            address = ta[1];
        } else {
            table = table(text, f[0]);
            if (f.length < 2 || f[1].isEmpty()) {
                throw new AddressException(text, 1, "the 0-based address is missing, e.g. " + f[0] + ":0");
            }
            address = number(text, 1, f[1]);
        }
        String[] rest = Arrays.copyOfRange(f, 2, f.length);
        try {
            return table.isBit() ? bit(text, table, address, rest) : register(text, table, address, rest);
        } catch (AddressException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new AddressException(text, -1, e.getMessage());
        }
    }

    private static ModbusAddress bit(String text, ModbusTable table, int address, String[] rest) {
        if (rest.length > 1 || (rest.length == 1 && !rest[0].equals("bool"))) {
            throw new AddressException(
                    text, 2, table.token() + " holds single bits: only 'bool' may follow the address");
        }
        return new ModbusAddress.BitPoint(table, address);
    }

    private static ModbusAddress register(String text, ModbusTable table, int address, String[] rest) {
        DataType type = DataType.UINT16;
        int length = 0;
        ByteOrder order = ByteOrder.ABCD;
        double scale = 1;
        double offset = 0;
        boolean typeSeen = false;
        boolean orderSeen = false;
        for (int i = 0; i < rest.length; i++) {
            int field = i + 2;
            String s = rest[i];
            if (s.startsWith("scale=")) {
                scale = decimal(text, field, s.substring(6), "scale");
            } else if (s.startsWith("offset=")) {
                offset = decimal(text, field, s.substring(7), "offset");
            } else if (!typeSeen && i == 0 && type(s).isPresent()) {
                Matcher m = STRING_TYPE.matcher(s);
                type = type(s).get();
                length = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                typeSeen = true;
            } else if (!orderSeen && ByteOrder.parse(s).isPresent()) {
                order = ByteOrder.parse(s).get();
                orderSeen = true;
            } else {
                throw new AddressException(text, field, unknownField(s, i == 0));
            }
        }
        return new ModbusAddress.RegisterPoint(table, address, type, length, order, new Scaling(scale, offset));
    }

    private static String unknownField(String s, boolean typePosition) {
        String expected = "a type (int16, uint16, int32, uint32, float32, float64, string(n)), a byte order"
                + " (be, le, ws, bs) or an option (scale=, offset=)";
        if (s.startsWith("string")) {
            return "'" + s + "' is not a string type; write string(n) with n = 1..250 characters";
        }
        return "'" + s + "' is not "
                + (typePosition
                        ? expected
                        : "a byte order (be, le, ws, bs) or an option"
                                + " (scale=, offset=); the type comes right after the address");
    }

    private static Optional<DataType> type(String s) {
        if (STRING_TYPE.matcher(s).matches()) {
            return Optional.of(DataType.STRING);
        }
        return Arrays.stream(DataType.values())
                .filter(t -> t != DataType.STRING && t.token().equals(s))
                .findFirst();
    }

    private static ModbusTable table(String text, String token) {
        for (ModbusTable t : ModbusTable.values()) {
            if (t.token().equals(token)) {
                return t;
            }
        }
        throw new AddressException(text, 0, "'" + token + "' is not a table; expected " + TABLES);
    }

    /** A Modicon reference: {table index, 0-based address}. */
    private static int[] reference(String text, String ref) {
        if (!ref.matches("[0134]\\d{4,5}")) {
            throw new AddressException(
                    text,
                    1,
                    "'" + ref + "' is not a Modicon reference: five or six digits"
                            + " starting with 0 (coil), 1 (discrete), 3 (input) or 4 (holding), e.g. 40001");
        }
        int one = Integer.parseInt(ref.substring(1));
        int max = ref.length() == 5 ? 9999 : 65536;
        if (one < 1 || one > max) {
            throw new AddressException(
                    text,
                    1,
                    "reference " + ref + " is outside " + ref.charAt(0)
                            + (ref.length() == 5
                                    ? "0001.." + ref.charAt(0) + "9999"
                                    : "00001.." + ref.charAt(0) + "65536"));
        }
        int table = switch (ref.charAt(0)) {
            case '0' -> ModbusTable.COIL.ordinal();
            case '1' -> ModbusTable.DISCRETE_INPUT.ordinal();
            case '3' -> ModbusTable.INPUT_REGISTER.ordinal();
            default -> ModbusTable.HOLDING_REGISTER.ordinal();
        };
        return new int[] {table, one - 1};
    }

    private static int number(String text, int field, String s) {
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) > 65535) {
            throw new AddressException(text, field, "'" + s + "' is not a protocol address 0..65535");
        }
        return Integer.parseInt(s);
    }

    private static double decimal(String text, int field, String s, String name) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AddressException(text, field, name + " '" + s + "' is not a finite decimal number");
    }
}
