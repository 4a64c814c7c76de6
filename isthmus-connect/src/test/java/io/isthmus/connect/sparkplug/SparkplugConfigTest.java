package io.isthmus.connect.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.config.HostPort;
import io.isthmus.model.TagPath;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Sparkplug source configuration and the path rule. */
class SparkplugConfigTest {
    private static final HostPort BROKER = new HostPort("127.0.0.1", 1883);

    @Test
    void defaults_subscribe_every_group_and_publish_state_as_isthmus() {
        var c = SparkplugSourceConfig.create("mqtt1", BROKER, b -> {});

        assertThat(c.topicFilter()).isEqualTo("spBv1.0/+/#");
        assertThat(c.stateTopic()).isEqualTo("spBv1.0/STATE/isthmus");
        assertThat(c.clientId()).isEqualTo("isthmus-mqtt1");
        assertThat(c.rebirthOnGap()).isTrue();
    }

    @Test
    void the_password_is_never_printed() {
        var c = SparkplugSourceConfig.create("mqtt1", BROKER, b -> {
            b.username = Optional.of("edge");
            b.password = Optional.of("s3cret");
        });

        assertThat(c.toString()).doesNotContain("s3cret").contains("password=Optional[***]");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Consumer<SparkplugSourceConfig.Builder>) b -> b.group = "a/b", "group id"),
                Arguments.of((Consumer<SparkplugSourceConfig.Builder>) b -> b.group = "#", "group id"),
                Arguments.of((Consumer<SparkplugSourceConfig.Builder>) b -> b.hostId = "", "hostId id"),
                Arguments.of((Consumer<SparkplugSourceConfig.Builder>) b -> b.clientId = "has space", "clientId"),
                Arguments.of(
                        (Consumer<SparkplugSourceConfig.Builder>) b -> b.password = Optional.of("x"),
                        "a password needs a username"),
                Arguments.of(
                        (Consumer<SparkplugSourceConfig.Builder>) b -> b.rebirthInterval = Duration.ZERO,
                        "rebirthInterval"),
                Arguments.of(
                        (Consumer<SparkplugSourceConfig.Builder>) b -> b.keepAlive = Duration.ofDays(2), "keepAlive"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void invalid_settings_are_refused_naming_the_setting(Consumer<SparkplugSourceConfig.Builder> c, String message) {
        assertThatThrownBy(() -> SparkplugSourceConfig.create("mqtt1", BROKER, c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mqtt1")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "speed, speed",
        "Motor/Current, Motor.Current",
        "'fill level %', fill_level__",
        "., __",
        "'Temperatur °C', Temperatur__C",
    })
    void names_become_tag_path_segments(String name, String segment) {
        assertThat(SparkplugPathRule.segment(name)).isEqualTo(segment);
    }

    @Test
    void long_names_are_cut_and_keep_a_checksum_so_they_stay_apart() {
        String a = SparkplugPathRule.segment("x".repeat(80) + "a");
        String b = SparkplugPathRule.segment("x".repeat(80) + "b");

        assertThat(a).hasSize(64).isNotEqualTo(b);
        assertThat(TagPath.parse("e/s/a/l/c/q/" + a).point()).isEqualTo(a);
    }

    @Test
    void the_rule_maps_node_device_and_metric_below_the_line() {
        var rule = new SparkplugPathRule("acme/springfield/packaging/line1");

        assertThat(rule.derive(MetricKey.device("g", "filling", "filler", "speed")))
                .contains(TagPath.parse("acme/springfield/packaging/line1/filling/filler/speed"));
        assertThat(rule.derive(MetricKey.node("g", "filling", "cpu load")))
                .contains(TagPath.parse("acme/springfield/packaging/line1/filling/node/cpu_load"));
        assertThat(rule.derive(MetricKey.node("g", "filling", "Node Control/Rebirth")))
                .isEmpty();
        assertThat(rule.derive(MetricKey.node("g", "filling", "bdSeq"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"acme/springfield/packaging", "acme/springfield/packaging/line1/cell", "acme/spring field/packaging/l"})
    void a_rule_prefix_is_four_valid_segments(String prefix) {
        assertThatThrownBy(() -> new SparkplugPathRule(prefix)).isInstanceOf(IllegalArgumentException.class);
    }
}
