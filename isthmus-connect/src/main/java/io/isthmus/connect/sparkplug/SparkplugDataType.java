package io.isthmus.connect.sparkplug;

import io.isthmus.model.Value;
import java.util.Optional;

/**
 * The Sparkplug B datatypes (Sparkplug B 3.0, 6.4.16) with their wire codes, and how a scalar one
 * becomes a tag {@link Value}. DataSet, Bytes, File, Template, property sets and arrays are known
 * but not mapped.
 */
public enum SparkplugDataType {
    INT8(1),
    INT16(2),
    INT32(3),
    INT64(4),
    UINT8(5),
    UINT16(6),
    UINT32(7),
    UINT64(8),
    FLOAT(9),
    DOUBLE(10),
    BOOLEAN(11),
    STRING(12),
    DATETIME(13),
    TEXT(14),
    UUID(15),
    DATASET(16),
    BYTES(17),
    FILE(18),
    TEMPLATE(19),
    PROPERTY_SET(20),
    PROPERTY_SET_LIST(21),
    /** Codes 22..34: Int8Array .. DateTimeArray. */
    ARRAY(22);

    private static final int LAST_ARRAY_CODE = 34;
    private static final SparkplugDataType[] BY_CODE = new SparkplugDataType[LAST_ARRAY_CODE + 1];

    static {
        for (SparkplugDataType t : values()) {
            BY_CODE[t.code] = t;
        }
        for (int c = ARRAY.code; c <= LAST_ARRAY_CODE; c++) {
            BY_CODE[c] = ARRAY;
        }
    }

    private final int code;

    SparkplugDataType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The datatype of a wire code; empty for 0 (Unknown) and codes Sparkplug B does not define. */
    public static Optional<SparkplugDataType> fromCode(int code) {
        return code > 0 && code <= LAST_ARRAY_CODE ? Optional.of(BY_CODE[code]) : Optional.empty();
    }

    /** Whether values of this type become tag values. */
    public boolean isMapped() {
        return switch (this) {
            case INT8,
                    INT16,
                    INT32,
                    INT64,
                    UINT8,
                    UINT16,
                    UINT32,
                    UINT64,
                    FLOAT,
                    DOUBLE,
                    BOOLEAN,
                    STRING,
                    DATETIME,
                    TEXT,
                    UUID -> true;
            case DATASET, BYTES, FILE, TEMPLATE, PROPERTY_SET, PROPERTY_SET_LIST, ARRAY -> false;
        };
    }

    /**
     * The value a metric of this type carries, or empty when the value field does not fit the type
     * (or a text is longer than {@code maxTextLength}). Integers narrower than 64 bits are read
     * from either value field, since encoders differ in which one they use for UInt32; a UInt64
     * above {@link Long#MAX_VALUE} becomes a {@link Value.Real}. DateTime is milliseconds since the
     * epoch, as an integer.
     */
    public Optional<Value> toValue(MetricValue v, int maxTextLength) {
        return switch (this) {
            case INT8 -> bits(v).map(b -> Value.of((long) b.byteValue()));
            case INT16 -> bits(v).map(b -> Value.of((long) b.shortValue()));
            case INT32 -> bits(v).map(b -> Value.of((long) b.intValue()));
            case UINT8 -> bits(v).map(b -> Value.of(b & 0xFFL));
            case UINT16 -> bits(v).map(b -> Value.of(b & 0xFFFFL));
            case UINT32 -> bits(v).map(b -> Value.of(b & 0xFFFF_FFFFL));
            case INT64, DATETIME -> bits(v).map(Value::of);
            case UINT64 -> bits(v).map(b -> b >= 0 ? Value.of(b) : Value.of(unsignedToDouble(b)));
            case FLOAT -> v instanceof MetricValue.FloatValue(float f) ? Optional.of(Value.of((double) f)) : none();
            case DOUBLE -> v instanceof MetricValue.DoubleValue(double d) ? Optional.of(Value.of(d)) : none();
            case BOOLEAN -> v instanceof MetricValue.BoolValue(boolean b) ? Optional.of(Value.of(b)) : none();
            case STRING, TEXT, UUID ->
                v instanceof MetricValue.StringValue(String s) && s.length() <= maxTextLength
                        ? Optional.of(Value.of(s))
                        : none();
            case DATASET, BYTES, FILE, TEMPLATE, PROPERTY_SET, PROPERTY_SET_LIST, ARRAY -> none();
        };
    }

    private static Optional<Long> bits(MetricValue v) {
        return switch (v) {
            case MetricValue.IntBits(int b) -> Optional.of(Integer.toUnsignedLong(b));
            case MetricValue.LongBits(long b) -> Optional.of(b);
            case MetricValue.FloatValue f -> none();
            case MetricValue.DoubleValue d -> none();
            case MetricValue.BoolValue b -> none();
            case MetricValue.StringValue s -> none();
            case MetricValue.Unsupported u -> none();
            case MetricValue.Absent a -> none();
        };
    }

    private static double unsignedToDouble(long b) {
        return (double) (b >>> 1) * 2.0 + (b & 1);
    }

    private static <T> Optional<T> none() {
        return Optional.empty();
    }
}
