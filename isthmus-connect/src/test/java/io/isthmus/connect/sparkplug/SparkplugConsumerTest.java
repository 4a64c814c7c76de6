package io.isthmus.connect.sparkplug;

import static io.isthmus.connect.sparkplug.Payloads.birth;
import static io.isthmus.connect.sparkplug.Payloads.data;
import static io.isthmus.connect.sparkplug.Payloads.nodeBirth;
import static io.isthmus.connect.sparkplug.Payloads.nodeDeath;
import static io.isthmus.connect.sparkplug.Payloads.payload;
import static io.isthmus.connect.sparkplug.Payloads.temperature;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.connect.config.HostPort;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.junit.jupiter.api.Test;

/** The host's Sparkplug B rules (Sparkplug B 3.0, chapter 5), without a broker. */
class SparkplugConsumerTest {
    private static final String NODE = "spBv1.0/g1/NBIRTH/n1";
    private static final String NDATA = "spBv1.0/g1/NDATA/n1";
    private static final String NDEATH = "spBv1.0/g1/NDEATH/n1";
    private static final TagPath TEMP = TagPath.parse("acme/site/area/line/n1/node/temperature");
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    private static final long T0 = NOW.toEpochMilli() - 10_000;

    private final List<Sample> samples = new ArrayList<>();

    private SparkplugConsumer consumer(Consumer<SparkplugSourceConfig.Builder> configure, SparkplugTagConfig... tags) {
        SparkplugSourceConfig config = SparkplugSourceConfig.create("mqtt", new HostPort("127.0.0.1", 1883), b -> {
            b.pathRule = Optional.of(new SparkplugPathRule("acme/site/area/line"));
            configure.accept(b);
        });
        return new SparkplugConsumer(config, List.of(tags), samples::add);
    }

    private SparkplugConsumer consumer() {
        return consumer(b -> {});
    }

    @Test
    void a_birth_then_data_by_alias_give_good_samples_at_the_metric_timestamps() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 21.5, T0), NOW);
        c.accept(NDATA, temperature(1, 22.0, T0 + 1000), NOW);

        assertThat(samples)
                .containsExactly(
                        new Sample(TEMP, Instant.ofEpochMilli(T0), Value.of(21.5), Quality.GOOD),
                        new Sample(TEMP, Instant.ofEpochMilli(T0 + 1000), Value.of(22.0), Quality.GOOD));
        assertThat(c.stats(0, 0).totalAnomalies()).isZero();
    }

    @Test
    void a_metric_without_timestamp_takes_the_payloads_then_the_arrival_time() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 21.5, T0), NOW);
        c.accept(
                NDATA,
                payload(T0 + 500, 1)
                        .addMetrics(data(1).setDoubleValue(1))
                        .build()
                        .toByteArray(),
                NOW);
        c.accept(
                NDATA,
                org.eclipse.tahu.protobuf.SparkplugBProto.Payload.newBuilder()
                        .setSeq(2)
                        .addMetrics(data(1).setDoubleValue(2))
                        .build()
                        .toByteArray(),
                NOW);

        assertThat(samples)
                .extracting(Sample::sourceTime)
                .containsExactly(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 500), NOW);
    }

    @Test
    void sequence_numbers_wrap_from_255_to_0_without_a_gap() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 254, 1, T0), NOW);
        assertThat(c.accept(NDATA, temperature(255, 2, T0 + 1), NOW)).isEmpty();
        assertThat(c.accept(NDATA, temperature(0, 3, T0 + 2), NOW)).isEmpty();
        assertThat(c.accept(NDATA, temperature(1, 4, T0 + 3), NOW)).isEmpty();

        assertThat(c.stats(0, 0).anomalies(Anomaly.SEQUENCE_GAP)).isZero();
        assertThat(samples)
                .extracting(Sample::value)
                .containsExactly(Value.of(1.0), Value.of(2.0), Value.of(3.0), Value.of(4.0));
    }

    @Test
    void a_gap_makes_the_tags_stale_asks_once_for_a_rebirth_and_ignores_data_until_the_birth() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);

        var first = c.accept(NDATA, temperature(2, 2, T0 + 1), NOW);
        var second = c.accept(NDATA, temperature(3, 3, T0 + 2), NOW.plusSeconds(1));
        var afterInterval = c.accept(NDATA, temperature(4, 4, T0 + 3), NOW.plusSeconds(6));
        c.accept(NODE, nodeBirth(7, 0, 5, T0 + 4), NOW.plusSeconds(7));

        assertThat(first).contains(new RebirthRequest("g1", "n1"));
        assertThat(second).as("rate-limited and already waiting").isEmpty();
        assertThat(afterInterval)
                .as("the rebirth did not come within the interval")
                .isPresent();
        assertThat(samples)
                .extracting(Sample::quality, s -> s.value().asDouble())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, 1.0),
                        org.assertj.core.groups.Tuple.tuple(Quality.STALE, 1.0),
                        org.assertj.core.groups.Tuple.tuple(Quality.GOOD, 5.0));
        assertThat(c.stats(0, 0).anomalies(Anomaly.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void without_rebirth_on_gap_a_gap_is_counted_and_data_keeps_flowing() {
        var c = consumer(b -> b.rebirthOnGap = false);
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);

        assertThat(c.accept(NDATA, temperature(5, 2, T0 + 1), NOW)).isEmpty();
        assertThat(c.accept(NDATA, temperature(6, 3, T0 + 2), NOW)).isEmpty();

        assertThat(samples).extracting(Sample::value).containsExactly(Value.of(1.0), Value.of(2.0), Value.of(3.0));
        assertThat(c.stats(0, 0).anomalies(Anomaly.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void data_before_any_birth_is_counted_and_asks_for_a_rebirth() {
        var c = consumer();

        assertThat(c.accept(NDATA, temperature(3, 2, T0), NOW)).contains(new RebirthRequest("g1", "n1"));
        assertThat(samples).isEmpty();
        assertThat(c.stats(0, 0).anomalies(Anomaly.DATA_BEFORE_BIRTH)).isEqualTo(1);
    }

    @Test
    void an_ndeath_with_the_births_bdseq_makes_every_tag_bad_comm_once() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);
        c.accept(
                "spBv1.0/g1/DBIRTH/n1/d1",
                payload(T0, 1)
                        .addMetrics(birth("speed", 2, DataType.Int32).setIntValue(-5))
                        .build()
                        .toByteArray(),
                NOW);

        c.accept(NDEATH, nodeDeath(7), NOW.plusSeconds(1));
        c.accept(NDEATH, nodeDeath(7), NOW.plusSeconds(2));

        assertThat(samples)
                .filteredOn(s -> s.quality() == Quality.BAD_COMM)
                .extracting(s -> s.path().point())
                .containsExactlyInAnyOrder("temperature", "speed");
        assertThat(samples)
                .filteredOn(s -> s.path().point().equals("speed"))
                .first()
                .isEqualTo(new Sample(
                        TagPath.parse("acme/site/area/line/n1/d1/speed"),
                        Instant.ofEpochMilli(T0),
                        Value.of(-5L),
                        Quality.GOOD));
    }

    @Test
    void an_ndeath_of_an_older_session_is_ignored() {
        var c = consumer();
        c.accept(NODE, nodeBirth(8, 0, 1, T0), NOW);

        c.accept(NDEATH, nodeDeath(7), NOW.plusSeconds(1));

        assertThat(samples).extracting(Sample::quality).containsExactly(Quality.GOOD);
        assertThat(c.stats(0, 0).anomalies(Anomaly.STALE_DEATH)).isEqualTo(1);
    }

    @Test
    void a_ddeath_makes_that_devices_tags_bad_comm_and_its_data_then_needs_a_birth() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);
        c.accept(
                "spBv1.0/g1/DBIRTH/n1/d1",
                payload(T0, 1)
                        .addMetrics(birth("on", 2, DataType.Boolean).setBooleanValue(true))
                        .build()
                        .toByteArray(),
                NOW);
        c.accept("spBv1.0/g1/DDEATH/n1/d1", payload(T0 + 1, 2).build().toByteArray(), NOW);
        var request = c.accept(
                "spBv1.0/g1/DDATA/n1/d1",
                payload(T0 + 2, 3)
                        .addMetrics(data(2).setBooleanValue(false))
                        .build()
                        .toByteArray(),
                NOW);

        assertThat(samples)
                .extracting(s -> s.path().point(), Sample::quality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("temperature", Quality.GOOD),
                        org.assertj.core.groups.Tuple.tuple("on", Quality.GOOD),
                        org.assertj.core.groups.Tuple.tuple("on", Quality.BAD_COMM));
        assertThat(request).isPresent();
    }

    @Test
    void a_null_metric_is_bad_device_carrying_the_last_value() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);
        c.accept(
                NDATA,
                payload(T0 + 1, 1).addMetrics(data(1).setIsNull(true)).build().toByteArray(),
                NOW);

        assertThat(samples)
                .last()
                .isEqualTo(new Sample(TEMP, Instant.ofEpochMilli(T0 + 1), Value.of(1.0), Quality.BAD_DEVICE));
    }

    @Test
    void an_explicit_tag_wins_over_the_rule_and_control_metrics_are_never_derived() {
        TagPath explicit = TagPath.parse("acme/site/area/line/oven/zone1/temp");
        var c = consumer(b -> {}, new SparkplugTagConfig(explicit, "mqtt", MetricKey.node("g1", "n1", "temperature")));
        c.accept(
                NODE,
                payload(T0, 0)
                        .addMetrics(Payloads.bdSeq(1))
                        .addMetrics(birth("temperature", 1, DataType.Double).setDoubleValue(3))
                        .addMetrics(birth("Node Control/Rebirth", 2, DataType.Boolean)
                                .setBooleanValue(false))
                        .build()
                        .toByteArray(),
                NOW);

        assertThat(samples).extracting(Sample::path).containsExactly(explicit);
    }

    @Test
    void without_a_rule_only_explicit_tags_are_reported() {
        var c = consumer(b -> b.pathRule = Optional.empty());
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);

        assertThat(samples).isEmpty();
        assertThat(c.stats(0, 0).totalAnomalies()).isZero();
    }

    @Test
    void two_metrics_that_normalise_to_one_path_are_a_collision() {
        var c = consumer();
        c.accept(
                NODE,
                payload(T0, 0)
                        .addMetrics(Payloads.bdSeq(1))
                        .addMetrics(birth("a b", 1, DataType.Double).setDoubleValue(1))
                        .addMetrics(birth("a_b", 2, DataType.Double).setDoubleValue(2))
                        .build()
                        .toByteArray(),
                NOW);

        assertThat(samples).hasSize(1);
        assertThat(c.stats(0, 0).anomalies(Anomaly.PATH_COLLISION)).isEqualTo(1);
    }

    @Test
    void losing_the_broker_makes_every_tag_bad_comm_and_forgets_the_births() {
        var c = consumer();
        c.accept(NODE, nodeBirth(7, 0, 1, T0), NOW);

        c.connectionLost(NOW.plusSeconds(1));
        var request = c.accept(NDATA, temperature(1, 2, T0 + 1), NOW.plusSeconds(2));

        assertThat(samples).extracting(Sample::quality).containsExactly(Quality.GOOD, Quality.BAD_COMM);
        assertThat(request).isPresent();
    }

    @Test
    void our_own_rebirth_command_coming_back_is_not_data() {
        var c = consumer();
        assertThat(c.accept("spBv1.0/g1/NCMD/n1", SparkplugPayloadCodec.rebirthRequest(1), NOW))
                .isEmpty();
        assertThat(c.stats(0, 0).totalAnomalies()).isZero();
    }

    @Test
    void rebirth_interval_is_per_node() {
        var c = consumer(b -> b.rebirthInterval = Duration.ofMinutes(1));
        assertThat(c.accept(NDATA, temperature(1, 1, T0), NOW)).isPresent();
        assertThat(c.accept("spBv1.0/g1/NDATA/n2", temperature(1, 1, T0), NOW)).isPresent();
        assertThat(c.accept(NDATA, temperature(2, 1, T0), NOW.plusSeconds(30))).isEmpty();
    }

    @Test
    void metric_definitions_are_bounded_over_all_nodes_and_a_death_gives_the_room_back() {
        var c = consumer(b -> b.limits = new SparkplugLimits(4096, 100, 10, 10, 100, 3, 64, 64));
        c.accept(NODE, nodeBirth(1, 0, 1, T0), NOW); // bdSeq + temperature: 2 definitions
        c.accept("spBv1.0/g1/NBIRTH/n2", nodeBirth(1, 0, 2, T0), NOW); // room for 1 more

        assertThat(c.stats(0, 0).anomalies(Anomaly.TOO_MANY_ENTITIES)).isEqualTo(1);
        assertThat(samples).hasSize(1);

        c.accept(NDEATH, nodeDeath(1), NOW);
        c.accept("spBv1.0/g1/NBIRTH/n2", nodeBirth(1, 0, 2, T0 + 1), NOW);

        assertThat(samples)
                .extracting(s -> s.path().cell(), Sample::quality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("n1", Quality.GOOD),
                        org.assertj.core.groups.Tuple.tuple("n1", Quality.BAD_COMM),
                        org.assertj.core.groups.Tuple.tuple("n2", Quality.GOOD));
    }
}
