package io.isthmus.sim.plc;

import io.isthmus.model.Value;
import io.isthmus.sim.process.PointType;
import java.util.Objects;

/**
 * One entry of a PLC's register map: where a named point lives, how it is encoded and scaled.
 * Engineering value = raw / scale (a motor current of 12.34 A is stored as 1234 with scale 100).
 *
 * <p>The same entry serves the process model (which writes measurements into the image), the
 * OPC UA view (which reads and writes through the image, so both protocols always agree) and the
 * demo poller (which decodes what it read over Modbus).
 */
public record RegisterPoint(
        String name,
        ModbusTable table,
        int address,
        RegisterEncoding encoding,
        double scale,
        PointType type,
        String unit,
        String description) {

    public RegisterPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(type, "type");
        if (address < 0 || address > 65535) {
            throw new IllegalArgumentException(name + ": address " + address + " outside 0..65535");
        }
        if (table.isBit() != (encoding == RegisterEncoding.BIT)) {
            throw new IllegalArgumentException(name + ": " + encoding + " does not fit table " + table);
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException(name + ": scale must be positive");
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    public boolean writable() {
        return table.isClientWritable();
    }

    /** Decodes this point from words read over Modbus, where {@code words[offset]} is its first register. */
    public Value decode(short[] words, int offset) {
        long raw = switch (encoding) {
            case BIT -> throw new IllegalStateException(name + " is a bit, not a register");
            case UINT16 -> words[offset] & 0xFFFF;
            case INT16 -> words[offset];
            case UINT32 -> ((long) (words[offset] & 0xFFFF) << 16) | (words[offset + 1] & 0xFFFF);
        };
        return toValue(raw);
    }

    /** Decodes a bit point. */
    public Value decode(boolean bit) {
        return Value.of(bit);
    }

    /** Reads the point from a register image. */
    public Value read(RegisterImage image) {
        return switch (table) {
            case COIL -> Value.of(image.coil(address));
            case DISCRETE_INPUT -> Value.of(image.discreteInput(address));
            case HOLDING_REGISTER -> decode(image.readHoldingRegisters(address, encoding.width()), 0);
            case INPUT_REGISTER -> decode(image.readInputRegisters(address, encoding.width()), 0);
        };
    }

    /** Encodes an engineering value into raw words (clamped to the encoding's range). */
    public short[] encode(double engineeringValue) {
        long raw = Math.round(engineeringValue * scale);
        return switch (encoding) {
            case BIT -> throw new IllegalStateException(name + " is a bit, not a register");
            case UINT16 -> new short[] {(short) Math.clamp(raw, 0, 0xFFFF)};
            case INT16 -> new short[] {(short) Math.clamp(raw, Short.MIN_VALUE, Short.MAX_VALUE)};
            case UINT32 -> {
                long wrapped = raw & 0xFFFF_FFFFL; // counters roll over like a real PLC's
                yield new short[] {(short) (wrapped >>> 16), (short) wrapped};
            }
        };
    }

    private Value toValue(long raw) {
        return switch (type) {
            case BOOL -> Value.of(raw != 0);
            case INT -> Value.of(scale == 1 ? raw : Math.round(raw / scale));
            case REAL -> Value.of(raw / scale);
        };
    }
}
