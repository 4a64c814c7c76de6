package io.isthmus.connect.sparkplug;

/**
 * The value field a metric carried, as it was on the wire: protobuf's {@code oneof value} of the
 * Sparkplug B {@code Metric} message. What it means depends on the datatype, which a DATA message
 * usually leaves to the birth (Sparkplug B 3.0, 6.4.16).
 */
public sealed interface MetricValue {
    /** {@code int_value} (uint32 on the wire): Int8/16/32 and UInt8/16 (Int8/16/32 two's complement). */
    record IntBits(int bits) implements MetricValue {}

    /** {@code long_value} (uint64 on the wire): Int64, UInt32, UInt64, DateTime. */
    record LongBits(long bits) implements MetricValue {}

    record FloatValue(float value) implements MetricValue {}

    record DoubleValue(double value) implements MetricValue {}

    record BoolValue(boolean value) implements MetricValue {}

    record StringValue(String value) implements MetricValue {}

    /** Bytes, DataSet, Template or an extension: carried, never mapped. */
    record Unsupported(String field) implements MetricValue {}

    /** No value field (a null metric, or a malformed one). */
    record Absent() implements MetricValue {}
}
