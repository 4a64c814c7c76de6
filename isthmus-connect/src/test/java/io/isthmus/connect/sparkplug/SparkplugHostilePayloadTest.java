package io.isthmus.connect.sparkplug;

import static io.isthmus.connect.sparkplug.BrokerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile messages through a real broker: each is counted as its anomaly, and the source stays
 * connected and keeps mapping the next good birth.
 */
class SparkplugHostilePayloadTest {
    @TempDir
    static Path dir;

    private static Mosquitto broker;
    private static BrokerFixture f;
    private static final AtomicInteger NEXT_NODE = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        broker = Mosquitto.start(dir);
        f = new BrokerFixture(broker.port(), b -> {});
        f.startAndAwaitConnected();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
        broker.close();
    }

    static Stream<Arguments> hostile() {
        byte[] birth = Payloads.nodeBirth(1, 0, 20, 1000);
        byte[] manyEmptyMetrics = new byte[2 * 50_000];
        for (int i = 0; i < manyEmptyMetrics.length; i += 2) {
            manyEmptyMetrics[i] = 0x12; // field 2 (metrics), length-delimited, of length 0
        }
        return Stream.of(
                Arguments.of(
                        "garbage bytes",
                        "NDATA",
                        HexFormat.of().parseHex("deadbeefffffffff"),
                        Anomaly.MALFORMED_PAYLOAD),
                Arguments.of(
                        "truncated protobuf",
                        "NBIRTH",
                        Arrays.copyOf(birth, birth.length - 4),
                        Anomaly.MALFORMED_PAYLOAD),
                Arguments.of("50,000 metrics in 100 kB", "NBIRTH", manyEmptyMetrics, Anomaly.TOO_MANY_METRICS),
                Arguments.of("1 MiB + 1 byte", "NDATA", new byte[1024 * 1024 + 1], Anomaly.OVERSIZED_PAYLOAD),
                Arguments.of("datatype 99", "NBIRTH", birthWith(99), Anomaly.UNKNOWN_DATATYPE),
                Arguments.of(
                        "a DataSet metric", "NBIRTH", birthWith(DataType.DataSet_VALUE), Anomaly.UNSUPPORTED_DATATYPE),
                Arguments.of(
                        "a 2,000 character name",
                        "NBIRTH",
                        Payloads.payload(1, 0)
                                .addMetrics(Payloads.bdSeq(0))
                                .addMetrics(Payloads.birth("n".repeat(2000), 1, DataType.Double)
                                        .setDoubleValue(1))
                                .build()
                                .toByteArray(),
                        Anomaly.NAME_TOO_LONG),
                Arguments.of("an unknown message type", "XDATA", birth, Anomaly.MALFORMED_TOPIC),
                Arguments.of(
                        "a boolean where the birth said Double",
                        "NDATA_AFTER_BIRTH",
                        Payloads.payload(2000, 1)
                                .addMetrics(Payloads.data(1).setBooleanValue(true))
                                .build()
                                .toByteArray(),
                        Anomaly.VALUE_MISMATCH));
    }

    private static byte[] birthWith(int datatype) {
        return Payloads.payload(1, 0)
                .addMetrics(Payloads.bdSeq(0))
                .addMetrics(Payloads.birth("odd", 1, DataType.Double)
                        .setDatatype(datatype)
                        .setDoubleValue(1))
                .build()
                .toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void a_hostile_message_is_counted_and_the_source_carries_on(
            String name, String type, byte[] payload, Anomaly anomaly) throws Exception {
        long before = f.source.stats().anomalies(anomaly);
        String node = "hostile" + NEXT_NODE.incrementAndGet();
        if (type.equals("NDATA_AFTER_BIRTH")) {
            f.publish("spBv1.0/line1/NBIRTH/" + node, Payloads.nodeBirth(1, 0, 20, 1000));
            type = "NDATA";
        }

        f.publish("spBv1.0/line1/" + type + "/" + node, payload);

        await(anomaly + " is counted", () -> f.source.stats().anomalies(anomaly) == before + 1);
        assertStillWorking();
    }

    @Test
    void a_message_over_the_maximum_packet_size_never_reaches_the_source() throws Exception {
        long messages = f.source.stats().messages();

        f.publish("spBv1.0/line1/NDATA/huge", new byte[4 * 1024 * 1024]);

        assertStillWorking();
        assertThat(f.source.stats().messages())
                .as("only the liveness birth arrived")
                .isEqualTo(messages + 1);
    }

    private static void assertStillWorking() throws Exception {
        String node = "alive" + NEXT_NODE.incrementAndGet();
        TagPath path = TagPath.parse(BrokerFixture.PREFIX + "/" + node + "/node/temperature");
        f.publish("spBv1.0/line1/NBIRTH/" + node, Payloads.nodeBirth(1, 0, 20, 1000));
        await("a good birth after it is mapped", () -> f.latest.containsKey(path));
        assertThat(f.latest.get(path).quality()).isEqualTo(Quality.GOOD);
        assertThat(f.source.state()).isInstanceOf(ConnectionState.Connected.class);
        assertThat(f.source.handlerErrors()).isZero();
    }
}
