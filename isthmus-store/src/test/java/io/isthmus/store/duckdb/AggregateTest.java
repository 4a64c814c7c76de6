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
import static org.assertj.core.api.Assertions.within;

import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateQuery;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.Bucket;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.InvalidQueryException;
import io.isthmus.store.TimeRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-checked aggregates. The CURRENT tag, seconds relative to T0:
 *
 * <pre>
 *   -30  10 GOOD     (before the range: carried in)
 *    30  40 GOOD
 *    90   0 BAD_COMM (no value until the next sample)
 *   120  70 GOOD     (holds to the end of the range)
 * </pre>
 */
@ParameterizedClass
@EnumSource(Layout.class)
class AggregateTest {
    @Parameter
    Layout layout;

    static final Set<Aggregate> ALL = EnumSet.allOf(Aggregate.class);

    @TempDir
    Path dir;

    Historian h;

    @BeforeEach
    void fill() {
        h = Fixtures.open(layout, dir);
        h.append(List.of(
                real(CURRENT, -30, 10),
                real(CURRENT, 30, 40),
                real(CURRENT, 90, 0, Quality.BAD_COMM),
                real(CURRENT, 120, 70)));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private AggregateSeries series(TagPath tag, long from, long to, long intervalSeconds) {
        return h.aggregate(tag, at(from), at(to), Duration.ofSeconds(intervalSeconds), ALL);
    }

    private static List<OptionalDouble> column(AggregateSeries s, Aggregate a) {
        return s.buckets().stream().map(b -> b.value(a)).toList();
    }

    private static OptionalDouble v(double d) {
        return OptionalDouble.of(d);
    }

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void wholeMinuteBucketsCarryTheValueInAndLeaveBadPeriodsOut() {
        AggregateSeries s = series(CURRENT, 0, 180, 60);
        assertThat(s.buckets()).extracting(Bucket::start).containsExactly(at(0), at(60), at(120));
        assertThat(s.buckets()).extracting(Bucket::end).containsExactly(at(60), at(120), at(180));
        // [0,60): 10 held 0..30 (carried in), 40 held 30..60 -> (10*30 + 40*30) / 60
        // [60,120): 40 held 60..90, BAD_COMM 90..120 left out -> 40
        // [120,180): 70 held to the end of the range
        assertThat(column(s, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(25), v(40), v(70));
        assertThat(column(s, Aggregate.AVG)).containsExactly(v(40), NONE, v(70));
        assertThat(column(s, Aggregate.COUNT)).containsExactly(v(1), v(0), v(1));
        assertThat(column(s, Aggregate.MIN)).containsExactly(v(40), NONE, v(70));
        assertThat(column(s, Aggregate.MAX)).containsExactly(v(40), NONE, v(70));
        assertThat(column(s, Aggregate.LAST)).containsExactly(v(40), NONE, v(70));
    }

    @Test
    void bucketsThatAreNotWholeMinutesSplitHeldValuesAtTheirBoundaries() {
        AggregateSeries s = series(CURRENT, 0, 180, 45);
        // [0,45): 10 for 30 s, 40 for 15 s -> 900/45; [45,90): 40; [90,135): bad 30 s out, 70 for 15 s
        assertThat(column(s, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(20), v(40), v(70), v(70));
        assertThat(column(s, Aggregate.AVG)).containsExactly(v(40), NONE, v(70), NONE);
        assertThat(column(s, Aggregate.COUNT)).containsExactly(v(1), v(0), v(1), v(0));
    }

    @Test
    void theLastBucketEndsWithTheRangeAndSoDoesTheLastHeldValue() {
        h.append(List.of(real(OTHER_LINE, 0, 1), real(OTHER_LINE, 150, 4)));
        AggregateSeries s = series(OTHER_LINE, 0, 150, 60);
        assertThat(s.buckets().getLast().end()).isEqualTo(at(150));
        // the sample at 150 lies outside [0,150): the 1 holds through the gap to the end
        assertThat(column(s, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(1), v(1), v(1));
        AggregateSeries wider = series(OTHER_LINE, 0, 180, 60);
        // [120,180): 1 for 30 s, 4 for 30 s
        assertThat(column(wider, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(1), v(1), v(2.5));
    }

    @Test
    void aValueHoldsNoLongerThanMaxHold() {
        h.close();
        h = layout.open(HistorianConfig.create(dir, b -> b.maxHold(Duration.ofSeconds(60))));
        h.append(List.of(real(OTHER_LINE, 0, 1), real(OTHER_LINE, 150, 4)));
        // 1 holds 0..60 only; [60,120) has no value; 4 holds 150..180
        assertThat(column(series(OTHER_LINE, 0, 180, 60), Aggregate.TIME_WEIGHTED_AVG))
                .containsExactly(v(1), NONE, v(4));
        // expired before the range starts, so nothing is carried in
        assertThat(column(series(OTHER_LINE, 90, 180, 90), Aggregate.TIME_WEIGHTED_AVG))
                .containsExactly(v(4));
        // within maxHold before the range: carried in (10 held -30..30, then 40)
        assertThat(column(series(CURRENT, 0, 60, 60), Aggregate.TIME_WEIGHTED_AVG))
                .containsExactly(v(25));
    }

    @Test
    void nothingIsExtrapolatedBeforeATagsFirstSample() {
        h.append(List.of(real(OTHER_LINE, 30, 8)));
        assertThat(column(series(OTHER_LINE, 0, 60, 60), Aggregate.TIME_WEIGHTED_AVG))
                .containsExactly(v(8));
        assertThat(column(series(OTHER_LINE, 0, 30, 30), Aggregate.TIME_WEIGHTED_AVG))
                .containsExactly(NONE);
    }

    @Test
    void booleansAverageAsZeroAndOneAndIntegersAsNumbers() {
        h.append(
                List.of(bool(RUNNING, 0, true), bool(RUNNING, 15, false), integer(COUNT, 0, 3), integer(COUNT, 30, 5)));
        AggregateSeries run = series(RUNNING, 0, 60, 60);
        assertThat(column(run, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(0.25));
        assertThat(column(run, Aggregate.AVG)).containsExactly(v(0.5));
        AggregateSeries count = series(COUNT, 0, 60, 60);
        assertThat(column(count, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(v(4));
        assertThat(column(count, Aggregate.LAST)).containsExactly(v(5));
    }

    @Test
    void textHasNoAggregates() {
        h.append(List.of(text(RECIPE, 0, "cola"), text(RECIPE, 10, "lemon")));
        AggregateSeries s = series(RECIPE, 0, 60, 60);
        assertThat(column(s, Aggregate.COUNT)).containsExactly(v(0));
        assertThat(column(s, Aggregate.AVG)).containsExactly(NONE);
        assertThat(column(s, Aggregate.TIME_WEIGHTED_AVG)).containsExactly(NONE);
    }

    @Test
    void staleValuesCountAndNotAskedAggregatesStayEmpty() {
        h.append(List.of(real(OTHER_LINE, 0, 2), real(OTHER_LINE, 10, 4, Quality.STALE)));
        AggregateSeries s = h.aggregate(OTHER_LINE, at(0), at(60), Duration.ofMinutes(1), Set.of(Aggregate.AVG));
        Bucket b = s.buckets().getFirst();
        assertThat(b.avg()).isEqualTo(v(3));
        assertThat(b.count()).isEmpty();
        assertThat(b.min()).isEmpty();
        assertThat(b.timeWeightedAvg()).isEmpty();
    }

    @Test
    void seriesFollowTheOrderAskedAndUnknownTagsHaveEmptyBuckets() {
        TagPath unknown = TagPath.parse("acme/plant1/bottling/line9/x/y/z");
        List<AggregateSeries> out = h.aggregate(new AggregateQuery(
                List.of(unknown, CURRENT),
                new TimeRange(at(0), at(120)),
                Duration.ofMinutes(1),
                Set.of(Aggregate.COUNT, Aggregate.AVG)));
        assertThat(out).extracting(AggregateSeries::tag).containsExactly(unknown, CURRENT);
        assertThat(column(out.getFirst(), Aggregate.COUNT)).containsExactly(v(0), v(0));
        assertThat(column(out.getLast(), Aggregate.AVG)).containsExactly(v(40), NONE);
    }

    @Test
    void minuteBucketsFromPartialsEqualBucketsFromRawSamples() {
        // several appends touching the same minutes, out of order: the minute partials must combine
        h.append(List.of(real(OTHER_LINE, 65, 3), real(OTHER_LINE, 5, 9)));
        h.append(List.of(real(OTHER_LINE, 70, -1), real(OTHER_LINE, 59, 2), real(OTHER_LINE, 61, 8, Quality.BAD_COMM)));
        h.append(List.of(real(OTHER_LINE, 1, 4)));
        AggregateSeries partials = series(OTHER_LINE, 0, 120, 60);
        // a range ending off the minute makes the same buckets come from the raw samples
        AggregateSeries raw = h.aggregate(OTHER_LINE, at(0), at(120).plusMillis(1), Duration.ofMinutes(1), ALL);
        for (Aggregate a : EnumSet.of(Aggregate.MIN, Aggregate.MAX, Aggregate.AVG, Aggregate.COUNT, Aggregate.LAST)) {
            assertThat(column(partials, a)).isEqualTo(column(raw, a).subList(0, 2));
        }
        assertThat(column(partials, Aggregate.AVG)).containsExactly(v(5), v(1));
        assertThat(column(partials, Aggregate.LAST)).containsExactly(v(2), v(-1));
        assertThat(column(partials, Aggregate.MIN)).containsExactly(v(2), v(-1));
        assertThat(column(partials, Aggregate.COUNT)).containsExactly(v(3), v(2));
    }

    @Test
    void timeWeightedAverageMatchesAReferenceOnIrregularData() {
        ReferenceData data = ReferenceData.random(42, 400);
        h.append(data.samples());
        AggregateSeries s = h.aggregate(
                ReferenceData.TAG, at(0), at(600), Duration.ofSeconds(37), Set.of(Aggregate.TIME_WEIGHTED_AVG));
        List<OptionalDouble> expected =
                data.timeWeighted(at(0), at(600), Duration.ofSeconds(37), HistorianConfig.DEFAULT_MAX_HOLD);
        List<OptionalDouble> actual = column(s, Aggregate.TIME_WEIGHTED_AVG);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).isPresent())
                    .as("bucket %d present", i)
                    .isEqualTo(expected.get(i).isPresent());
            if (expected.get(i).isPresent()) {
                assertThat(actual.get(i).getAsDouble())
                        .isCloseTo(expected.get(i).getAsDouble(), within(1e-9));
            }
        }
    }

    @Test
    void tooManyBucketsAreRefusedBeforeAnythingRuns() {
        h.close();
        h = layout.open(HistorianConfig.create(dir, b -> b.maxAggregatePoints(1000)));
        assertThatThrownBy(() -> h.aggregate(new AggregateQuery(
                        List.of(CURRENT, OTHER_LINE),
                        new TimeRange(at(0), at(3600)),
                        Duration.ofSeconds(7),
                        Set.of(Aggregate.AVG))))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.TOO_MANY_POINTS))
                .hasMessageContaining("2 tag(s) x 515 bucket(s)");
    }
}
