package io.isthmus.store.duckdb;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import java.nio.file.Path;
import java.time.Instant;

/** Shared tags, times and sample shorthands of the historian tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final TagPath CURRENT = TagPath.parse("acme/plant1/bottling/line1/filler/motor/current");
    static final TagPath RUNNING = TagPath.parse("acme/plant1/bottling/line1/filler/motor/running");
    static final TagPath COUNT = TagPath.parse("acme/plant1/bottling/line1/filler/counter/good");
    static final TagPath RECIPE = TagPath.parse("acme/plant1/bottling/line1/filler/batch/recipe");
    static final TagPath OTHER_LINE = TagPath.parse("acme/plant1/bottling/line2/capper/motor/current");

    private Fixtures() {}

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Sample real(TagPath p, long seconds, double v) {
        return Sample.good(p, at(seconds), Value.of(v));
    }

    static Sample real(TagPath p, long seconds, double v, Quality q) {
        return new Sample(p, at(seconds), Value.of(v), q);
    }

    static Sample bool(TagPath p, long seconds, boolean v) {
        return Sample.good(p, at(seconds), Value.of(v));
    }

    static Sample integer(TagPath p, long seconds, long v) {
        return Sample.good(p, at(seconds), Value.of(v));
    }

    static Sample text(TagPath p, long seconds, String v) {
        return Sample.good(p, at(seconds), Value.of(v));
    }

    static Historian open(Layout layout, Path dir) {
        return layout.open(HistorianConfig.create(dir, b -> b.threads(2).memoryLimitMiB(256)));
    }
}
