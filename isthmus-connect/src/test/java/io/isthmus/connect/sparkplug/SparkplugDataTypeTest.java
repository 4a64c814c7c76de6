package io.isthmus.connect.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Value;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sparkplug B datatypes to tag values (Sparkplug B 3.0, 6.4.16 and 6.4.17). */
class SparkplugDataTypeTest {
    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of(SparkplugDataType.INT8, new MetricValue.IntBits(0xFFFF_FF80), Value.of(-128L)),
                Arguments.of(SparkplugDataType.INT16, new MetricValue.IntBits(0xFFFF_8000), Value.of(-32768L)),
                Arguments.of(SparkplugDataType.INT32, new MetricValue.IntBits(-5), Value.of(-5L)),
                Arguments.of(SparkplugDataType.UINT8, new MetricValue.IntBits(255), Value.of(255L)),
                Arguments.of(SparkplugDataType.UINT16, new MetricValue.IntBits(65535), Value.of(65535L)),
                Arguments.of(
                        SparkplugDataType.UINT32, new MetricValue.LongBits(4_294_967_295L), Value.of(4_294_967_295L)),
                Arguments.of(SparkplugDataType.UINT32, new MetricValue.IntBits(-1), Value.of(4_294_967_295L)),
                Arguments.of(SparkplugDataType.INT64, new MetricValue.LongBits(-7), Value.of(-7L)),
                Arguments.of(SparkplugDataType.UINT64, new MetricValue.LongBits(-1), Value.of(18446744073709551615.0)),
                Arguments.of(SparkplugDataType.FLOAT, new MetricValue.FloatValue(1.5f), Value.of(1.5)),
                Arguments.of(SparkplugDataType.DOUBLE, new MetricValue.DoubleValue(2.25), Value.of(2.25)),
                Arguments.of(SparkplugDataType.BOOLEAN, new MetricValue.BoolValue(true), Value.of(true)),
                Arguments.of(SparkplugDataType.STRING, new MetricValue.StringValue("recipe-7"), Value.of("recipe-7")),
                Arguments.of(
                        SparkplugDataType.DATETIME,
                        new MetricValue.LongBits(1_700_000_000_000L),
                        Value.of(1_700_000_000_000L)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("conversions")
    void scalar_values_become_tag_values(SparkplugDataType type, MetricValue wire, Value expected) {
        assertThat(type.toValue(wire, 100)).contains(expected);
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of(SparkplugDataType.DOUBLE, new MetricValue.IntBits(1)),
                Arguments.of(SparkplugDataType.BOOLEAN, new MetricValue.StringValue("true")),
                Arguments.of(SparkplugDataType.INT32, new MetricValue.Absent()),
                Arguments.of(SparkplugDataType.STRING, new MetricValue.StringValue("x".repeat(101))),
                Arguments.of(SparkplugDataType.DATASET, new MetricValue.Unsupported("dataset_value")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mismatches")
    void a_value_field_that_does_not_fit_the_type_gives_no_value(SparkplugDataType type, MetricValue wire) {
        assertThat(type.toValue(wire, 100)).isEmpty();
    }

    @Test
    void codes_outside_1_to_34_are_unknown() {
        assertThat(SparkplugDataType.fromCode(0)).isEmpty();
        assertThat(SparkplugDataType.fromCode(35)).isEmpty();
        assertThat(SparkplugDataType.fromCode(-1)).isEmpty();
        assertThat(SparkplugDataType.fromCode(34)).isEqualTo(Optional.of(SparkplugDataType.ARRAY));
        assertThat(SparkplugDataType.fromCode(12)).isEqualTo(Optional.of(SparkplugDataType.STRING));
    }
}
