package io.isthmus.insight.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MotorHealthScorerTest {
    private static final TagPath MOTOR = TagPath.parse("acme/site/area/line1/filling/filler/vibration");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final HealthConfig QUICK = with(c -> new HealthConfig(
            c.points(), Duration.ofSeconds(10), 20, 1.0, 4.0, 0.0, 7.1, 0.05, Duration.ofSeconds(1), 50, 3));

    private static HealthConfig with(UnaryOperator<HealthConfig> change) {
        return change.apply(HealthConfig.DEFAULT);
    }

    private static Sample sample(TagPath path, String point, int second, double value) {
        return Sample.good(path.withPoint(point), T0.plusSeconds(second), Value.of(value));
    }

    /** One poll: speed first, then vibration; the vibration alternates ±0.1 around its level. */
    private static Optional<MotorHealth> poll(MotorHealthScorer s, TagPath path, int second, double vibration) {
        s.accept(sample(path, "speed", second, 100));
        return s.accept(sample(path, "vibration", second, vibration + (second % 2 == 0 ? 0.1 : -0.1)));
    }

    @Test
    void aStoppedOrSettlingMotorIsNotJudgedThenItLearnsThenItMonitors() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        s.accept(sample(MOTOR, "speed", 0, 0));
        assertThat(s.accept(sample(MOTOR, "vibration", 0, 0.05))).isEmpty();
        for (int t = 1; t <= 10; t++) {
            assertThat(poll(s, MOTOR, t, 2.0)).as("settling at %d s", t).isEmpty();
        }
        assertThat(poll(s, MOTOR, 12, 2.0)).get().extracting(MotorHealth::phase).isEqualTo(MotorHealth.Phase.LEARNING);
        MotorHealth h = null;
        for (int t = 13; t < 60; t++) {
            h = poll(s, MOTOR, t, 2.0).orElseThrow();
        }
        assertThat(h.phase()).isEqualTo(MotorHealth.Phase.MONITORING);
        assertThat(h.anomaly()).isFalse();
        assertThat(h.score()).isGreaterThan(90);
    }

    @Test
    void vibrationFarAboveTheBaselineIsAnAnomalyScoredByTheMarginLeftToTheLimit() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        for (int t = 0; t < 40; t++) {
            poll(s, MOTOR, t, 2.0);
        }
        // healthy mean 2.0 (±0.1), limit 7.1: at 4.55 half of the margin is used
        s.accept(sample(MOTOR, "speed", 40, 100));
        MotorHealth h = s.accept(sample(MOTOR, "vibration", 40, 4.55)).orElseThrow();

        assertThat(h.anomaly()).isTrue();
        assertThat(h.score()).isCloseTo(25, within(0.5));
        assertThat(h.vibrationZ()).isGreaterThan(20);
    }

    @Test
    void aPolledTripLimitReplacesTheConfiguredOne() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        s.accept(sample(MOTOR, "vibrationLimit", 0, 4.0));
        for (int t = 0; t < 40; t++) {
            poll(s, MOTOR, t, 2.0);
        }
        s.accept(sample(MOTOR, "speed", 40, 100));
        MotorHealth h = s.accept(sample(MOTOR, "vibration", 40, 3.0)).orElseThrow();
        assertThat(h.score()).isCloseTo(25, within(0.5));
    }

    @Test
    void samplesAtAnotherSpeedAreNotComparedWithTheBaseline() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        for (int t = 0; t < 40; t++) {
            poll(s, MOTOR, t, 2.0);
        }
        s.accept(sample(MOTOR, "speed", 40, 60));
        assertThat(s.accept(sample(MOTOR, "vibration", 40, 1.4))).isEmpty();
    }

    @Test
    void badQualityAndTextAreDroppedAndCountedAndOtherPointsIgnored() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        s.accept(new Sample(MOTOR, T0, Value.of(9.0), Quality.BAD_COMM));
        s.accept(Sample.good(MOTOR, T0, Value.of("loud")));
        s.accept(Sample.good(MOTOR.withPoint("goodCount"), T0, Value.of(5L)));

        assertThat(s.dropped()).isEqualTo(2);
        assertThat(s.motors()).isZero();
    }

    @Test
    void noMoreMotorsThanTheLimitAreTracked() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        for (int i = 0; i < 5; i++) {
            s.accept(Sample.good(
                    new TagPath("acme", "site", "area", "line1", "cell", "m" + i, "speed"), T0, Value.of(1.0)));
        }
        assertThat(s.motors()).isEqualTo(3);
        assertThat(s.dropped()).isEqualTo(2);
    }

    @Test
    void relearningForgetsTheBaseline() {
        MotorHealthScorer s = new MotorHealthScorer(QUICK);
        for (int t = 0; t < 40; t++) {
            poll(s, MOTOR, t, 2.0);
        }
        assertThat(s.relearn(MOTOR.equipmentPath())).isTrue();
        assertThat(s.relearn("acme/site/area/line1/nowhere/none")).isFalse();
        assertThat(poll(s, MOTOR, 41, 2.0)).isEmpty(); // settling again
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "baselineSamples, 5, 'baselineSamples must be 10 to 1000000, was 5'",
        "smoothing, 0, 'smoothing must be in (0, 1], was 0.0'",
        "anomalyZ, -1, 'anomalyZ must be in (0, 100], was -1.0'",
        "minRelativeSpread, 1, 'minRelativeSpread must be in [0, 1), was 1.0'",
        "vibrationLimit, NaN, 'vibrationLimit must be a positive number, was NaN'",
        "speedTolerance, 1.5, 'speedTolerance must be in (0, 1), was 1.5'",
        "trendPoints, 2, 'trendPoints must be 3 to 100000, was 2'",
        "maxMotors, 0, 'maxMotors must be 1 to 1000000, was 0'",
    })
    void invalidSettingsAreRefusedNamingTheSettingAndValue(String setting, String value, String message) {
        HealthConfig d = HealthConfig.DEFAULT;
        double v = Double.parseDouble(value);
        assertThatThrownBy(() -> new HealthConfig(
                        d.points(),
                        d.settle(),
                        setting.equals("baselineSamples") ? (int) v : d.baselineSamples(),
                        setting.equals("smoothing") ? v : d.smoothing(),
                        setting.equals("anomalyZ") ? v : d.anomalyZ(),
                        setting.equals("minRelativeSpread") ? v : d.minRelativeSpread(),
                        setting.equals("vibrationLimit") ? v : d.vibrationLimit(),
                        setting.equals("speedTolerance") ? v : d.speedTolerance(),
                        d.trendStep(),
                        setting.equals("trendPoints") ? (int) v : d.trendPoints(),
                        setting.equals("maxMotors") ? (int) v : d.maxMotors()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void motorPointsMustDiffer() {
        assertThatThrownBy(() -> new MotorPoints("speed", "speed", "t", "c", "l"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("five different names");
    }
}
