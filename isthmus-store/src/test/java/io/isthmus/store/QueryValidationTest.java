package io.isthmus.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.TagPathException;
import io.isthmus.model.Value;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryValidationTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final TagPath TAG = TagPath.parse("acme/plant1/bottling/line1/filler/motor/current");

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedAsReversed() {
        assertThatThrownBy(() -> new TimeRange(T0, T0.minusSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.RANGE_REVERSED))
                .hasMessageContaining("is after");
    }

    @Test
    void anEmptyRangeIsAllowedAndHasNoBuckets() {
        AggregateQuery q =
                new AggregateQuery(List.of(TAG), new TimeRange(T0, T0), Duration.ofMinutes(1), Set.of(Aggregate.AVG));
        assertThat(q.bucketCount()).isZero();
    }

    @Test
    void theStorableRangeIsYearsMinus70000To70000AndFitsInSixtyTwoBitsOfMicroseconds() {
        assertThat(TimeRange.STORABLE.from()).isEqualTo(Instant.parse("-70000-01-01T00:00:00Z"));
        assertThat(TimeRange.STORABLE.to()).isEqualTo(Instant.parse("+70000-01-01T00:00:00Z"));
        long fromMicros = Math.multiplyExact(TimeRange.STORABLE.from().getEpochSecond(), 1_000_000L);
        long toMicros = Math.multiplyExact(TimeRange.STORABLE.to().getEpochSecond(), 1_000_000L);
        assertThat(Math.abs(fromMicros)).isLessThan(1L << 61);
        assertThat(toMicros).isLessThan(1L << 61);
    }

    @Test
    void aRangeBeyondTheStorableTimesIsClampedToThemAndOneWhollyOutsideBecomesEmpty() {
        assertThat(new TimeRange(Instant.MIN, Instant.MAX).storable()).isEqualTo(TimeRange.STORABLE);
        assertThat(RangeQuery.of(TAG, Instant.MIN, T0, 10).range())
                .isEqualTo(new TimeRange(TimeRange.STORABLE.from(), T0));
        TimeRange early = new TimeRange(Instant.MIN, Instant.parse("-1000000000-01-02T00:00:00Z"));
        assertThat(early.storable().from()).isEqualTo(TimeRange.STORABLE.from());
        assertThat(early.storable().to()).isEqualTo(TimeRange.STORABLE.from());
        TimeRange late = new TimeRange(Instant.parse("+100000-01-01T00:00:00Z"), Instant.MAX);
        assertThat(late.storable()).isEqualTo(new TimeRange(TimeRange.STORABLE.to(), TimeRange.STORABLE.to()));
        TimeRange day = new TimeRange(T0, T0.plus(Duration.ofDays(1)));
        assertThat(day.storable()).isSameAs(day);
    }

    @Test
    void bucketCountsOverTheWidestRangesAndLongestIntervalsDoNotOverflow() {
        TimeRange all = new TimeRange(Instant.MIN, Instant.MAX);
        var avg = Set.of(Aggregate.AVG);
        assertThat(new AggregateQuery(List.of(TAG), all, Duration.ofSeconds(Long.MAX_VALUE), avg).bucketCount())
                .isEqualTo(1);
        assertThat(new AggregateQuery(List.of(TAG), all, Duration.ofSeconds(1), avg).bucketCount())
                .isEqualTo(Duration.between(TimeRange.STORABLE.from(), TimeRange.STORABLE.to())
                        .getSeconds());
        assertThat(new AggregateQuery(List.of(TAG), all, Duration.ofNanos(1000), avg).bucketCount())
                .isEqualTo(Duration.between(TimeRange.STORABLE.from(), TimeRange.STORABLE.to())
                                .getSeconds()
                        * 1_000_000L);
        TimeRange tenMinutes = new TimeRange(T0, T0.plusSeconds(600));
        assertThat(new AggregateQuery(List.of(TAG), tenMinutes, Duration.ofSeconds(7), avg).bucketCount())
                .isEqualTo(86); // 85 whole intervals and a shorter last one
        assertThatThrownBy(() -> new AggregateQuery(List.of(TAG), all, Duration.ofSeconds(Long.MAX_VALUE, 1), avg))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void aZeroNegativeOrSubMicrosecondIntervalIsRefused() {
        TimeRange day = new TimeRange(T0, T0.plus(Duration.ofDays(1)));
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofNanos(1500))) {
            assertThatThrownBy(() -> new AggregateQuery(List.of(TAG), day, bad, Set.of(Aggregate.AVG)))
                    .isInstanceOfSatisfying(
                            InvalidQueryException.class,
                            e -> assertThat(e.problem())
                                    .isEqualTo(InvalidQueryException.Problem.INTERVAL_NOT_POSITIVE));
        }
    }

    @Test
    void anAggregateQueryWithoutTagsOrAggregatesAsksForNothing() {
        TimeRange day = new TimeRange(T0, T0.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> new AggregateQuery(List.of(), day, Duration.ofMinutes(1), Set.of(Aggregate.AVG)))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.NOTHING_REQUESTED));
        assertThatThrownBy(() -> new AggregateQuery(List.of(TAG), day, Duration.ofMinutes(1), Set.of()))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void bucketsRoundUpSoAShortLastBucketIsCounted() {
        TimeRange r = new TimeRange(T0, T0.plusSeconds(150));
        assertThat(new AggregateQuery(List.of(TAG), r, Duration.ofMinutes(1), Set.of(Aggregate.MIN)).bucketCount())
                .isEqualTo(3);
    }

    @Test
    void aRangeLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> RangeQuery.of(TAG, T0, T0.plusSeconds(1), 0))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.LIMIT_NOT_POSITIVE));
    }

    @Test
    void aTimeRangeIsHalfOpen() {
        TimeRange r = new TimeRange(T0, T0.plusSeconds(10));
        assertThat(r.contains(T0)).isTrue();
        assertThat(r.contains(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aTagPrefixMatchesWholeSegmentsOnly() {
        TagPrefix line = TagPrefix.parse("acme/plant1/bottling/line1");
        assertThat(line.matches(TAG)).isTrue();
        assertThat(TagPrefix.parse("acme/plant1/bottling/line").matches(TAG)).isFalse();
        assertThat(TagPrefix.parse("").matches(TAG)).isTrue();
        assertThat(TagPrefix.parse("acme/plant1/").segments()).containsExactly("acme", "plant1");
        assertThat(TagPrefix.of(TAG).matches(TAG)).isTrue();
    }

    @Test
    void aTagPrefixFollowsTheTagPathRules() {
        assertThatThrownBy(() -> TagPrefix.parse("acme/pl+nt")).isInstanceOf(TagPathException.class);
        assertThatThrownBy(() -> TagPrefix.parse("acme//x")).isInstanceOf(TagPathException.class);
        assertThatThrownBy(() -> TagPrefix.parse("a/b/c/d/e/f/g/h")).hasMessageContaining("at most 7 segments");
    }

    @Test
    void journalSequencesMustIncreaseWithinABatch() {
        Sample s = Sample.good(TAG, T0, Value.of(1.0));
        JournalId j = JournalId.of("edge-1");
        assertThatThrownBy(() -> new JournalBatch(
                        j, List.of(new JournalRecord(5, List.of(s)), new JournalRecord(5, List.of(s)))))
                .hasMessageContaining("sequences must increase");
        assertThatThrownBy(() -> new JournalRecord(-1, List.of())).hasMessageContaining("negative");
        assertThatThrownBy(() -> JournalId.of("edge 1")).hasMessageContaining("journal name");
    }

    @Test
    void theConfigRefusesNonsenseAndKeepsDefaults() {
        Path dir = Path.of("data");
        HistorianConfig c = HistorianConfig.create(dir);
        assertThat(c.retention()).isEqualTo(HistorianConfig.DEFAULT_RETENTION);
        assertThat(c.maxHold()).isEqualTo(HistorianConfig.DEFAULT_MAX_HOLD);
        assertThat(HistorianConfig.create(dir, b -> b.retention(Duration.ofDays(7)))
                        .retention())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> HistorianConfig.create(dir, b -> b.retention(Duration.ZERO)))
                .hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> HistorianConfig.create(dir, b -> b.maxRangeSamples(0)))
                .hasMessageContaining("maxRangeSamples");
        assertThatThrownBy(() -> HistorianConfig.create(dir, b -> b.threads(0))).hasMessageContaining("threads");
        assertThatThrownBy(() -> HistorianConfig.create(dir, b -> b.memoryLimitMiB(1)))
                .hasMessageContaining("memoryLimitMiB");
    }
}
