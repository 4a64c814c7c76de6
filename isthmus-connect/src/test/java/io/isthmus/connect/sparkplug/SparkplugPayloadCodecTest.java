package io.isthmus.connect.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sparkplug B payload decoding (Sparkplug B 3.0, 6.4) and its bounds on hostile input. */
class SparkplugPayloadCodecTest {
    private static final SparkplugLimits LIMITS = new SparkplugLimits(4096, 100, 10, 10, 1000, 1000, 64, 32);
    private static final SparkplugPayloadCodec CODEC = new SparkplugPayloadCodec(LIMITS);

    @Test
    void a_birth_decodes_to_its_timestamp_sequence_and_metrics() {
        byte[] bytes = Payloads.nodeBirth(3, 0, 21.5, 1000);

        var d = (PayloadDecoding.Decoded) CODEC.decode(bytes);

        assertThat(d.payload().timestamp()).isEqualTo(OptionalLong.of(1000));
        assertThat(d.payload().seq()).isEqualTo(OptionalLong.of(0));
        assertThat(d.payload().metrics()).hasSize(2);
        SparkplugMetric temp = d.payload().metrics().get(1);
        assertThat(temp.name()).contains("temperature");
        assertThat(temp.alias()).isEqualTo(OptionalLong.of(1));
        assertThat(temp.datatype()).isEqualTo(OptionalInt.of(DataType.Double_VALUE));
        assertThat(temp.value()).isEqualTo(new MetricValue.DoubleValue(21.5));
    }

    @Test
    void the_rebirth_request_is_one_true_boolean_node_control_metric() {
        var d = (PayloadDecoding.Decoded) CODEC.decode(SparkplugPayloadCodec.rebirthRequest(5));

        SparkplugMetric m = d.payload().metrics().getFirst();
        assertThat(m.name()).contains("Node Control/Rebirth");
        assertThat(m.datatype()).isEqualTo(OptionalInt.of(SparkplugDataType.BOOLEAN.code()));
        assertThat(m.value()).isEqualTo(new MetricValue.BoolValue(true));
    }

    static Stream<Arguments> malformed() {
        byte[] birth = Payloads.nodeBirth(3, 0, 21.5, 1000);
        byte[] manyEmptyMetrics = new byte[2 * 101];
        for (int i = 0; i < manyEmptyMetrics.length; i += 2) {
            manyEmptyMetrics[i] = 0x12; // field 2 (metrics), length-delimited
            manyEmptyMetrics[i + 1] = 0x00; // of length 0
        }
        return Stream.of(
                Arguments.of("garbage", HexFormat.of().parseHex("ffffffffffffffffffff"), Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("truncated birth", Arrays.copyOf(birth, birth.length - 3), Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("length beyond the end", HexFormat.of().parseHex("12ff01"), Anomaly.MALFORMED_PAYLOAD),
                Arguments.of(
                        "varint of 11 bytes",
                        HexFormat.of().parseHex("08ffffffffffffffffffff01"),
                        Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("end-group at top level", HexFormat.of().parseHex("0c"), Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("field number 0", HexFormat.of().parseHex("0001"), Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("101 empty metrics, limit 100", manyEmptyMetrics, Anomaly.TOO_MANY_METRICS),
                Arguments.of("4097 bytes, limit 4096", new byte[4097], Anomaly.OVERSIZED_PAYLOAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void hostile_payloads_are_refused_with_a_reason(String name, byte[] bytes, Anomaly expected) {
        assertThat(CODEC.decode(bytes))
                .isInstanceOfSatisfying(
                        PayloadDecoding.Malformed.class,
                        m -> assertThat(m.anomaly()).isEqualTo(expected));
    }

    @Test
    void invalid_utf8_in_a_name_is_decoded_with_replacement_characters_not_refused() {
        // proto2 strings are not validated; the name then matches no birth metric
        var d = (PayloadDecoding.Decoded) CODEC.decode(HexFormat.of().parseHex("12040a02c328"));

        assertThat(d.payload().metrics().getFirst().name()).contains("\uFFFD(");
    }

    @Test
    void an_empty_payload_is_a_payload_without_anything() {
        assertThat(CODEC.decode(new byte[0]))
                .isEqualTo(new PayloadDecoding.Decoded(
                        new SparkplugPayload(OptionalLong.empty(), OptionalLong.empty(), java.util.List.of())));
    }

    @Test
    void deeply_nested_templates_are_refused_not_recursed_into() {
        Payload.Template.Builder t = Payload.Template.newBuilder();
        for (int i = 0; i < 40; i++) {
            t = Payload.Template.newBuilder()
                    .addMetrics(Payload.Metric.newBuilder().setName("m").setTemplateValue(t));
        }
        byte[] bytes = Payload.newBuilder()
                .addMetrics(Payload.Metric.newBuilder().setName("t").setTemplateValue(t))
                .build()
                .toByteArray();

        assertThat(new SparkplugPayloadCodec(SparkplugLimits.DEFAULT).decode(bytes))
                .isInstanceOfSatisfying(
                        PayloadDecoding.Malformed.class,
                        m -> assertThat(m.anomaly()).isEqualTo(Anomaly.MALFORMED_PAYLOAD));
    }
}
