package io.isthmus.connect.sparkplug;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eclipse.tahu.protobuf.SparkplugBProto;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/**
 * Bytes to {@link SparkplugPayload} and back, over Eclipse Tahu's protobuf bindings of the
 * Sparkplug B schema (Sparkplug B 3.0, 6.4). Pure: no I/O, no logging, never throws on input.
 *
 * <p>We do not use Tahu's {@code SparkplugBPayloadDecoder}: it builds its full object model
 * (datasets, templates, property sets), logs, and fails whole payloads with a generic exception on
 * one odd metric, while a host needs per-metric anomalies and a bound on what it allocates. Here
 * the size is checked first, then the top-level fields are counted without materialising them, so
 * a small payload declaring a huge number of (empty) metrics is refused before any metric object
 * exists; only then does protobuf parse, with a low nesting limit.
 */
public final class SparkplugPayloadCodec {
    /** Templates may nest; nothing we map needs more than a few levels. */
    private static final int RECURSION_LIMIT = 16;

    private static final int METRICS_FIELD = 2;

    private final SparkplugLimits limits;

    public SparkplugPayloadCodec(SparkplugLimits limits) {
        this.limits = limits;
    }

    public PayloadDecoding decode(byte[] bytes) {
        if (bytes.length > limits.maxPayloadBytes()) {
            return new PayloadDecoding.Malformed(
                    Anomaly.OVERSIZED_PAYLOAD,
                    bytes.length + " bytes, more than the limit of " + limits.maxPayloadBytes());
        }
        try {
            int metrics = countMetrics(bytes);
            if (metrics > limits.maxMetricsPerPayload()) {
                return new PayloadDecoding.Malformed(
                        Anomaly.TOO_MANY_METRICS,
                        metrics + " metrics, more than the limit of " + limits.maxMetricsPerPayload());
            }
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(RECURSION_LIMIT);
            Payload p = Payload.parseFrom(in);
            List<SparkplugMetric> list = new ArrayList<>(p.getMetricsCount());
            for (Payload.Metric m : p.getMetricsList()) {
                list.add(metric(m));
            }
            return new PayloadDecoding.Decoded(new SparkplugPayload(
                    p.hasTimestamp() ? OptionalLong.of(p.getTimestamp()) : OptionalLong.empty(),
                    p.hasSeq() ? OptionalLong.of(p.getSeq()) : OptionalLong.empty(),
                    list));
        } catch (java.io.IOException e) {
            return new PayloadDecoding.Malformed(Anomaly.MALFORMED_PAYLOAD, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // protobuf's own guard rails (e.g. an invalid UTF-8 string) surface as unchecked exceptions
            return new PayloadDecoding.Malformed(Anomaly.MALFORMED_PAYLOAD, e.toString());
        }
    }

    /** Counts the top-level {@code metrics} fields, skipping over each, so nothing is materialised. */
    private static int countMetrics(byte[] bytes) throws java.io.IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int count = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == METRICS_FIELD) {
                count++;
            }
            if (!in.skipField(tag)) {
                // protobuf's own parse would stop here quietly and return what it had
                throw new com.google.protobuf.InvalidProtocolBufferException("end-group tag at the top level");
            }
        }
        return count;
    }

    private static SparkplugMetric metric(Payload.Metric m) {
        return new SparkplugMetric(
                m.hasName() ? Optional.of(m.getName()) : Optional.empty(),
                m.hasAlias() ? OptionalLong.of(m.getAlias()) : OptionalLong.empty(),
                m.hasTimestamp() ? OptionalLong.of(m.getTimestamp()) : OptionalLong.empty(),
                m.hasDatatype() ? OptionalInt.of(m.getDatatype()) : OptionalInt.empty(),
                m.hasIsNull() && m.getIsNull(),
                value(m));
    }

    private static MetricValue value(Payload.Metric m) {
        return switch (m.getValueCase()) {
            case INT_VALUE -> new MetricValue.IntBits(m.getIntValue());
            case LONG_VALUE -> new MetricValue.LongBits(m.getLongValue());
            case FLOAT_VALUE -> new MetricValue.FloatValue(m.getFloatValue());
            case DOUBLE_VALUE -> new MetricValue.DoubleValue(m.getDoubleValue());
            case BOOLEAN_VALUE -> new MetricValue.BoolValue(m.getBooleanValue());
            case STRING_VALUE -> new MetricValue.StringValue(m.getStringValue());
            case BYTES_VALUE -> new MetricValue.Unsupported("bytes_value");
            case DATASET_VALUE -> new MetricValue.Unsupported("dataset_value");
            case TEMPLATE_VALUE -> new MetricValue.Unsupported("template_value");
            case EXTENSION_VALUE -> new MetricValue.Unsupported("extension_value");
            case VALUE_NOT_SET -> new MetricValue.Absent();
        };
    }

    /**
     * The NCMD payload asking an edge node to publish its births again: one Boolean metric {@code
     * Node Control/Rebirth} = true (Sparkplug B 3.0, 6.4.19, tck-id-operational-behavior-host-
     * reordering-rebirth).
     */
    public static byte[] rebirthRequest(long timestampMillis) {
        return Payload.newBuilder()
                .setTimestamp(timestampMillis)
                .addMetrics(Payload.Metric.newBuilder()
                        .setName("Node Control/Rebirth")
                        .setTimestamp(timestampMillis)
                        .setDatatype(SparkplugBProto.DataType.Boolean_VALUE)
                        .setBooleanValue(true))
                .build()
                .toByteArray();
    }
}
