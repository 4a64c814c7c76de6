package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.T0;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import io.isthmus.store.Aggregate;
import io.isthmus.store.AggregateSeries;
import io.isthmus.store.AppendResult;
import io.isthmus.store.Bucket;
import io.isthmus.store.ExportQuery;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.InvalidQueryException;
import io.isthmus.store.JournalBatch;
import io.isthmus.store.JournalId;
import io.isthmus.store.JournalRecord;
import io.isthmus.store.TagPrefix;
import io.isthmus.store.TimeRange;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Times at and beyond the ends of {@link TimeRange#STORABLE}: samples outside are refused one by
 * one and counted, queries reaching beyond are clamped, and no bound, interval, hold or retention
 * overflows the historian's microseconds.
 */
@ParameterizedClass
@EnumSource(Layout.class)
class StorableTimeTest {
    static final Instant EARLIEST = TimeRange.STORABLE.from();
    static final Instant LAST = TimeRange.STORABLE.to().minusNanos(1000);
    static final JournalId EDGE = JournalId.of("edge-1");

    @Parameter
    Layout layout;

    @TempDir
    Path dir;

    private static Sample sample(Instant t, double v) {
        return Sample.good(CURRENT, t, Value.of(v));
    }

    @Test
    void samplesOutsideTheStorableRangeAreRefusedOneByOneAndCountedWhileTheRestIsStored() {
        List<Sample> mixed = List.of(
                sample(Instant.MIN, 1),
                sample(EARLIEST, 2),
                sample(EARLIEST.minusNanos(1000), 3),
                real(CURRENT, 0, 4),
                sample(LAST, 5),
                sample(TimeRange.STORABLE.to(), 6),
                sample(Instant.MAX, 7));
        try (Historian h = Fixtures.open(layout, dir)) {
            AppendResult r = h.append(mixed);
            assertThat(r.samplesStored()).isEqualTo(3);
            assertThat(r.samplesRefused()).isEqualTo(4);
            assertThat(h.range(CURRENT, Instant.MIN, Instant.MAX, 100).samples())
                    .containsExactly(mixed.get(1), mixed.get(3), mixed.get(4));
            assertThat(h.tags().getFirst().first()).isEqualTo(EARLIEST);
            assertThat(h.tags().getFirst().last()).isEqualTo(LAST);
            assertThat(h.latest(CURRENT).orElseThrow()).isEqualTo(mixed.get(4));
        }
    }

    @Test
    void aJournalBatchWithASampleAtInstantMinIsStoredWithoutItAndItsRecordsCountAsDelivered() {
        JournalBatch batch = new JournalBatch(
                EDGE,
                List.of(
                        new JournalRecord(1, List.of(sample(Instant.MIN, 1), real(CURRENT, 0, 2))),
                        new JournalRecord(2, List.of(sample(Instant.MAX, 3))),
                        new JournalRecord(3, List.of(real(CURRENT, 1, 4)))));
        try (Historian h = Fixtures.open(layout, dir)) {
            AppendResult first = h.append(batch);
            assertThat(first.samplesStored()).isEqualTo(2);
            assertThat(first.samplesRefused()).isEqualTo(2);
            assertThat(first.highestSequence()).hasValue(3);
            assertThat(h.journalProgress(EDGE).contiguousThrough()).isEqualTo(3);
            AppendResult again = h.append(batch);
            assertThat(again.recordsSkipped()).isEqualTo(3);
            assertThat(again.samplesStored()).isZero();
            assertThat(again.samplesRefused()).isZero();
            assertThat(h.range(CURRENT, at(0), at(10), 10).samples())
                    .extracting(s -> s.value().asDouble())
                    .containsExactly(2.0, 4.0);
        }
        try (Historian h = Fixtures.open(layout, dir)) {
            assertThat(h.journalPosition(EDGE)).hasValue(3);
        }
    }

    @Test
    void rangesAndExportsReachingBeyondTheStorableTimesAreClampedAndReturnEverySample() {
        List<Sample> ends = List.of(sample(EARLIEST, 1), real(CURRENT, 0, 2), sample(LAST, 3));
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(ends);
            assertThat(h.range(CURRENT, Instant.MIN, Instant.MAX, 10).samples()).containsExactlyElementsOf(ends);
            assertThat(h.range(CURRENT, Instant.MIN, Instant.parse("-1000000000-01-02T00:00:00Z"), 10)
                            .samples())
                    .isEmpty();
            StringWriter csv = new StringWriter();
            long n =
                    h.exportCsv(new ExportQuery(TagPrefix.parse("acme"), new TimeRange(Instant.MIN, Instant.MAX)), csv);
            assertThat(n).isEqualTo(3);
            assertThat(csv.toString()).contains("-70000-01-01T00:00:00Z").contains("+69999-12-31T23:59:59.999999Z");
            assertThat(h.exportParquet(
                            new ExportQuery(TagPrefix.parse("acme"), new TimeRange(Instant.MIN, Instant.MAX)),
                            dir.resolve("all.parquet")))
                    .isEqualTo(3);
        }
    }

    @Test
    void anAggregateOverEveryInstantAtOneSecondIsRefusedAsTooManyPointsNotAnOverflow() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(real(CURRENT, 0, 1)));
            assertThatThrownBy(() -> h.aggregate(
                            CURRENT, Instant.MIN, Instant.MAX, Duration.ofSeconds(1), Set.of(Aggregate.AVG)))
                    .isInstanceOfSatisfying(
                            InvalidQueryException.class,
                            e -> assertThat(e.problem()).isEqualTo(InvalidQueryException.Problem.TOO_MANY_POINTS))
                    .hasMessageContaining("1 tag(s) x 4417")
                    .hasMessageContaining("maximum of 1000000");
        }
    }

    @Test
    void anIntervalLongerThanEveryStorableTimeGivesOneBucketOverTheClampedRange() {
        List<Sample> ends = List.of(sample(EARLIEST, 1), real(CURRENT, 0, 2), sample(LAST, 3));
        Set<Aggregate> all = Set.of(Aggregate.COUNT, Aggregate.MIN, Aggregate.MAX, Aggregate.TIME_WEIGHTED_AVG);
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(ends);
            AggregateSeries s = h.aggregate(
                    CURRENT, Instant.MIN, Instant.MAX, Duration.ofSeconds(Long.MAX_VALUE, 999_999_000), all);
            assertThat(s.buckets()).hasSize(1);
            Bucket b = s.buckets().getFirst();
            assertThat(b.start()).isEqualTo(EARLIEST);
            assertThat(b.end()).isEqualTo(TimeRange.STORABLE.to());
            assertThat(b.count()).hasValue(3);
            assertThat(b.min()).hasValue(1.0);
            assertThat(b.max()).hasValue(3.0);
            assertThat(b.timeWeightedAvg()).isPresent();
        }
    }

    @Test
    void millenniaBucketsOverTheWholeStorableRangeCountEverySampleOnce() {
        List<Sample> ends = List.of(sample(EARLIEST, 1), real(CURRENT, 0, 2), sample(LAST, 3));
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(ends);
            List<Bucket> buckets = h.aggregate(
                            CURRENT,
                            Instant.MIN,
                            Instant.MAX,
                            Duration.ofDays(365_000),
                            Set.of(Aggregate.COUNT, Aggregate.AVG))
                    .buckets();
            assertThat(buckets).hasSize(141);
            assertThat(buckets.stream().mapToLong(b -> b.count().orElseThrow()).sum())
                    .isEqualTo(3);
            assertThat(buckets.getFirst().count()).hasValue(1);
            assertThat(buckets.getLast().count()).hasValue(1);
            assertThat(buckets.getLast().end()).isEqualTo(TimeRange.STORABLE.to());
        }
    }

    @Test
    void anAggregateWhollyBeforeTheStorableTimesHasNoBuckets() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(sample(EARLIEST, 1)));
            assertThat(h.aggregate(
                                    CURRENT,
                                    Instant.parse("-1000000000-01-01T00:00:00Z"),
                                    Instant.parse("-1000000000-01-02T00:00:00Z"),
                                    Duration.ofMinutes(1),
                                    Set.of(Aggregate.AVG))
                            .buckets())
                    .isEmpty();
        }
    }

    @Test
    void anEndlessHoldAndAnEndlessRetentionNeitherOverflowNorDeleteAnything() {
        HistorianConfig endless = HistorianConfig.create(
                dir,
                b -> b.threads(2)
                        .memoryLimitMiB(256)
                        .maxHold(Duration.ofSeconds(Long.MAX_VALUE))
                        .retention(Duration.ofSeconds(Long.MAX_VALUE)));
        try (Historian h = layout.open(endless)) {
            h.append(List.of(sample(EARLIEST, 1), real(CURRENT, 0, 2), sample(LAST, 3)));
            AggregateSeries twa = h.aggregate(
                    CURRENT,
                    T0.minusSeconds(60),
                    T0.plusSeconds(60),
                    Duration.ofSeconds(60),
                    Set.of(Aggregate.TIME_WEIGHTED_AVG));
            assertThat(twa.buckets().get(0).timeWeightedAvg()).hasValue(1.0); // held from year -70000
            assertThat(twa.buckets().get(1).timeWeightedAvg()).hasValue(2.0);
            assertThat(h.enforceRetention(Instant.MAX).samplesDeleted()).isZero();
            assertThat(h.enforceRetention(Instant.MIN).samplesDeleted()).isZero();
            assertThat(h.range(CURRENT, Instant.MIN, Instant.MAX, 10).samples()).hasSize(3);
        }
    }

    @Test
    void retentionFromATimeBeyondTheStorableRangeDeletesEverySampleWithoutOverflow() {
        try (Historian h = Fixtures.open(layout, dir)) {
            h.append(List.of(sample(EARLIEST, 1), real(CURRENT, 0, 2), sample(LAST, 3)));
            assertThat(h.enforceRetention(Instant.MAX).samplesDeleted()).isEqualTo(3);
            assertThat(h.tags()).isEmpty();
        }
    }
}
