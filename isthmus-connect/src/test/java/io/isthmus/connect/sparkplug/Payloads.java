package io.isthmus.connect.sparkplug;

import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/** Sparkplug B payloads built field by field with Tahu's protobuf bindings, for tests. */
final class Payloads {
    private Payloads() {}

    static Payload.Builder payload(long timestamp, long seq) {
        return Payload.newBuilder().setTimestamp(timestamp).setSeq(seq);
    }

    static Metric.Builder birth(String name, long alias, DataType type) {
        return Metric.newBuilder().setName(name).setAlias(alias).setDatatype(type.getNumber());
    }

    static Metric.Builder data(long alias) {
        return Metric.newBuilder().setAlias(alias);
    }

    static Metric bdSeq(long value) {
        return Metric.newBuilder()
                .setName("bdSeq")
                .setDatatype(DataType.Int64_VALUE)
                .setLongValue(value)
                .build();
    }

    /** NBIRTH with bdSeq and a Double metric "temperature" (alias 1). */
    static byte[] nodeBirth(long bdSeq, long seq, double temperature, long time) {
        return payload(time, seq)
                .addMetrics(bdSeq(bdSeq))
                .addMetrics(birth("temperature", 1, DataType.Double).setDoubleValue(temperature))
                .build()
                .toByteArray();
    }

    static byte[] nodeDeath(long bdSeq) {
        return Payload.newBuilder()
                .setTimestamp(1)
                .addMetrics(bdSeq(bdSeq))
                .build()
                .toByteArray();
    }

    static byte[] temperature(long seq, double value, long time) {
        return payload(time, seq)
                .addMetrics(data(1).setTimestamp(time).setDoubleValue(value))
                .build()
                .toByteArray();
    }
}
