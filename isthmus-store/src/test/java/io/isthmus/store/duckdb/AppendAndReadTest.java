package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.COUNT;
import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.RECIPE;
import static io.isthmus.store.duckdb.Fixtures.RUNNING;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.bool;
import static io.isthmus.store.duckdb.Fixtures.integer;
import static io.isthmus.store.duckdb.Fixtures.real;
import static io.isthmus.store.duckdb.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.InvalidQueryException;
import io.isthmus.store.RangeResult;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Layout.class)
class AppendAndReadTest {
    @Parameter
    Layout layout;

    @TempDir
    Path dir;

    @Test
    void everyValueTypeAndQualityReadsBackAsStored() {
        List<Sample> mixed = List.of(
                bool(RUNNING, 0, true),
                new Sample(RUNNING, at(1), Value.of(false), Quality.STALE),
                integer(COUNT, 0, Long.MAX_VALUE),
                new Sample(COUNT, at(1), Value.of(-(1L << 60) - 1), Quality.BAD_DEVICE),
                real(CURRENT, 0, -0.0),
                real(CURRENT, 1, Double.NaN, Quality.BAD_COMM),
                real(CURRENT, 2, 1e-300),
                text(RECIPE, 0, "cola, 0.5 l \"light\"\nv2"),
                text(RECIPE, 1, ""));
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(mixed);
            List<Sample> back = new ArrayList<>();
            for (var tag : List.of(RUNNING, COUNT, CURRENT, RECIPE)) {
                back.addAll(h.range(tag, at(0), at(10), 100).samples());
            }
            assertThat(back).containsExactlyInAnyOrderElementsOf(mixed);
            assertThat(h.range(CURRENT, at(0), at(10), 100).samples().getFirst().value())
                    .isEqualTo(Value.of(-0.0));
        }
    }

    /** Without text an append takes the column-list route (SampleColumns); it must keep every bit. */
    @Test
    void numericAppendsReadBackExactlyThroughTheColumnRoute() {
        List<Sample> numeric = List.of(
                bool(RUNNING, 0, true),
                new Sample(RUNNING, at(1), Value.of(false), Quality.STALE),
                integer(COUNT, 0, Long.MAX_VALUE),
                new Sample(COUNT, at(1), Value.of(-(1L << 60) - 1), Quality.BAD_DEVICE),
                integer(COUNT, 2, (1L << 53) + 1),
                real(CURRENT, 0, -0.0),
                real(CURRENT, 1, Double.NaN, Quality.BAD_COMM),
                real(CURRENT, 2, 1e-300),
                real(CURRENT, 3, Double.NEGATIVE_INFINITY));
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(numeric);
            List<Sample> back = new ArrayList<>();
            for (var tag : List.of(RUNNING, COUNT, CURRENT)) {
                back.addAll(h.range(tag, at(0), at(10), 100).samples());
            }
            assertThat(back).containsExactlyElementsOf(numeric);
            assertThat(h.range(CURRENT, at(0), at(10), 100).samples().getFirst().value())
                    .isEqualTo(Value.of(-0.0));
            assertThat(h.latest(COUNT).orElseThrow().value()).isEqualTo(Value.of((1L << 53) + 1));
        }
    }

    @Test
    void rangesAreHalfOpenOldestFirstAndSayWhenTheLimitCutThemShort() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 30, 3), real(CURRENT, 10, 1), real(CURRENT, 20, 2), real(CURRENT, 40, 4)));
            RangeResult all = h.range(CURRENT, at(10), at(40), 10);
            assertThat(all.samples()).extracting(s -> s.value().asDouble()).containsExactly(1.0, 2.0, 3.0);
            assertThat(all.truncated()).isFalse();
            RangeResult two = h.range(CURRENT, at(10), at(40), 2);
            assertThat(two.samples()).extracting(Sample::sourceTime).containsExactly(at(10), at(20));
            assertThat(two.truncated()).isTrue();
            assertThat(h.range(CURRENT, at(10), at(40), 3).truncated()).isFalse();
            assertThat(h.range(OTHER_LINE, at(0), at(99), 10).samples()).isEmpty();
        }
    }

    @Test
    void samplesWithTheSameTimeComeBackInArrivalOrder() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 5, 1), real(CURRENT, 5, 2)));
            h.append(List.of(real(CURRENT, 5, 3)));
            assertThat(h.range(CURRENT, at(0), at(10), 10).samples())
                    .extracting(s -> s.value().asDouble())
                    .containsExactly(1.0, 2.0, 3.0);
            assertThat(h.latest(CURRENT).orElseThrow().value()).isEqualTo(Value.of(3.0));
        }
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        Instant fine = Fixtures.T0.plusNanos(123_456_789);
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(Sample.good(CURRENT, fine, Value.of(1.0))));
            Instant micro = Fixtures.T0.plusNanos(123_456_000);
            assertThat(h.range(CURRENT, Fixtures.T0, at(1), 1)
                            .samples()
                            .getFirst()
                            .sourceTime())
                    .isEqualTo(micro);
            assertThat(h.latest(CURRENT).orElseThrow().sourceTime()).isEqualTo(micro);
        }
    }

    @Test
    void latestIsTheNewestSourceTimeNotTheLastArrival() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 100, 10.0)));
            h.append(List.of(real(CURRENT, 50, 5.0), real(OTHER_LINE, 7, 7.0, Quality.BAD_COMM)));
            assertThat(h.latest(CURRENT)).contains(real(CURRENT, 100, 10.0));
            assertThat(h.latest(OTHER_LINE)).contains(real(OTHER_LINE, 7, 7.0, Quality.BAD_COMM));
            assertThat(h.latest(RECIPE)).isEmpty();
        }
    }

    @Test
    void latestUnderAPrefixListsOnlyThoseTagsByPath() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 1, 1), bool(RUNNING, 2, true), real(OTHER_LINE, 3, 3)));
            assertThat(h.latest(TagPrefix.parse("acme/plant1/bottling/line1")))
                    .extracting(Sample::path)
                    .containsExactly(CURRENT, RUNNING);
            assertThat(h.latest(TagPrefix.ALL)).hasSize(3);
        }
    }

    @Test
    void tagsListFirstAndLastSourceTime() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 20, 1), real(CURRENT, 10, 1), text(RECIPE, 5, "a")));
            h.append(List.of(real(CURRENT, 30, 1)));
            assertThat(h.tags())
                    .containsExactly(new TagInfo(RECIPE, at(5), at(5)), new TagInfo(CURRENT, at(10), at(30)));
        }
    }

    @Test
    void reopeningKeepsSamplesTagsAndLatestValues() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 1, 1.5), text(RECIPE, 2, "cola"), integer(COUNT, 3, 42)));
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.latest(RECIPE)).contains(text(RECIPE, 2, "cola"));
            assertThat(h.latest(COUNT)).contains(integer(COUNT, 3, 42));
            assertThat(h.tags()).hasSize(3);
            h.append(List.of(real(OTHER_LINE, 4, 4.0)));
            assertThat(h.range(CURRENT, at(0), at(9), 9).samples()).containsExactly(real(CURRENT, 1, 1.5));
            assertThat(h.tags()).extracting(TagInfo::path).contains(OTHER_LINE);
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.latest(OTHER_LINE)).isPresent();
        }
    }

    @Test
    void anEmptyAppendStoresNothing() {
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.append(List.of()).samplesStored()).isZero();
            assertThat(h.tags()).isEmpty();
        }
    }

    @Test
    void aRangeLimitAboveTheConfiguredMaximumIsTooManyPoints() {
        try (Historian h = layout.open(HistorianConfig.create(dir, b -> b.maxRangeSamples(100)))) {
            assertThatThrownBy(() -> h.range(CURRENT, at(0), at(1), 101))
                    .isInstanceOfSatisfying(
                            InvalidQueryException.class,
                            e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.TOO_MANY_POINTS));
        }
    }

    @Test
    void everyOperationAfterCloseFailsAndCloseIsIdempotent() {
        Historian h = Fixtures.open(layout, dir);
        h.close();
        h.close();
        assertThatThrownBy(() -> h.latest(CURRENT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> h.append(List.of(real(CURRENT, 1, 1)))).hasMessageContaining("closed");
        assertThatThrownBy(() -> h.range(CURRENT, at(0), at(1), 1)).isInstanceOf(IllegalStateException.class);
    }
}
