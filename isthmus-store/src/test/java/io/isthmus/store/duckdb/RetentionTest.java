package io.isthmus.store.duckdb;

import static io.isthmus.store.duckdb.Fixtures.CURRENT;
import static io.isthmus.store.duckdb.Fixtures.OTHER_LINE;
import static io.isthmus.store.duckdb.Fixtures.at;
import static io.isthmus.store.duckdb.Fixtures.real;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.store.Aggregate;
import io.isthmus.store.Bucket;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.RetentionResult;
import io.isthmus.store.TagInfo;
import io.isthmus.store.TagPrefix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Layout.class)
class RetentionTest {
    @Parameter
    Layout layout;

    static final long DAY = 86_400;

    @TempDir
    Path dir;

    @Test
    void samplesOlderThanTheRetentionGoAndTagsFollow() {
        HistorianConfig config = HistorianConfig.create(dir, b -> b.retention(Duration.ofDays(7)));
        try (Historian h = layout.open(config)) {
            h.append(List.of(
                    real(CURRENT, -10 * DAY, 1),
                    real(CURRENT, -8 * DAY, 2),
                    real(CURRENT, -6 * DAY, 3),
                    real(CURRENT, 0, 4),
                    real(OTHER_LINE, -9 * DAY, 5)));
            // now = T0 + 30 s: cutoff T0 - 7 days + 30 s, cut down to the whole minute T0 - 7 days
            RetentionResult r = h.enforceRetention(at(30));
            assertThat(r).isEqualTo(new RetentionResult(at(-7 * DAY), 3));
            assertThat(h.range(CURRENT, at(-11 * DAY), at(1), 10).samples())
                    .extracting(s -> s.value().asDouble())
                    .containsExactly(3.0, 4.0);
            assertThat(h.tags()).containsExactly(new TagInfo(CURRENT, at(-6 * DAY), at(0)));
            assertThat(h.latest(OTHER_LINE)).isEmpty();
            assertThat(h.latest(TagPrefix.ALL)).hasSize(1);
            Bucket oldDay = h.aggregate(
                            CURRENT, at(-8 * DAY), at(-7 * DAY), Duration.ofDays(1), Set.of(Aggregate.COUNT))
                    .buckets()
                    .getFirst();
            assertThat(oldDay.count()).hasValue(0);
            assertThat(h.enforceRetention(at(30)).samplesDeleted()).isZero();
        }
        try (Historian h = layout.open(config)) {
            assertThat(h.tags()).containsExactly(new TagInfo(CURRENT, at(-6 * DAY), at(0)));
            assertThat(h.latest(OTHER_LINE)).isEmpty();
            h.append(List.of(real(OTHER_LINE, 5, 6)));
            assertThat(h.tags()).extracting(TagInfo::first).containsExactly(at(-6 * DAY), at(5));
        }
    }

    @Test
    void theCutoffMinuteIsKeptWhole() {
        HistorianConfig config = HistorianConfig.create(dir, b -> b.retention(Duration.ofSeconds(60)));
        try (Historian h = layout.open(config)) {
            h.append(List.of(real(CURRENT, 0, 1), real(CURRENT, 50, 2), real(CURRENT, 70, 3)));
            // now = 110 s: cutoff 50 s, cut down to 0 s: nothing of the minute [0, 60) goes
            assertThat(h.enforceRetention(at(110)).samplesDeleted()).isZero();
            // now = 130 s: cutoff 70 s -> 60 s: the minute [0, 60) goes, samples and partials
            assertThat(h.enforceRetention(at(130)).samplesDeleted()).isEqualTo(2);
            assertThat(h.aggregate(CURRENT, at(0), at(120), Duration.ofMinutes(1), Set.of(Aggregate.COUNT))
                            .buckets())
                    .extracting(b -> b.count().getAsLong())
                    .containsExactly(0L, 1L);
        }
    }
}
