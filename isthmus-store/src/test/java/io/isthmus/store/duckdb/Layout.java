package io.isthmus.store.duckdb;

import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;

/** The storage layouts the historian tests run on: every store test runs on both. */
enum Layout {
    /** {@link DuckDbHistorian}: one row per sample (schema version 1). */
    ROWS,
    /** {@link BlockHistorian}: blocks, partials and marks as rows of one table (schema version 3). */
    BLOCKS;

    Historian open(HistorianConfig config) {
        return open(config, () -> {});
    }

    Historian open(HistorianConfig config, Runnable beforeCommit) {
        return switch (this) {
            case ROWS -> DuckDbHistorian.open(config, beforeCommit);
            case BLOCKS -> BlockHistorian.open(config, beforeCommit);
        };
    }
}
