package io.isthmus.store.duckdb;

import io.isthmus.store.Historian;
import io.isthmus.store.HistorianConfig;
import io.isthmus.store.HistorianException;

/**
 * Opens the historian in a directory in the layout its file has: the block layout ({@link
 * BlockHistorian}, schema version 3) for a new directory or a version 3 file, the row layout
 * ({@link DuckDbHistorian}) for a file written before (version 1), which the block layout does not
 * convert (see {@link BlockSchema#refusal}). What the hub, the gateway and the report command open.
 */
public final class DuckDbHistorians {
    private DuckDbHistorians() {}

    public static Historian open(HistorianConfig config) {
        try {
            return BlockHistorian.open(config);
        } catch (HistorianException e) {
            if (e.getCause() instanceof SchemaVersionException v && v.found() == Schema.VERSION) {
                return DuckDbHistorian.open(config);
            }
            throw e;
        }
    }
}
