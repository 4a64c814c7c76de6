package io.isthmus.store.duckdb;

import io.isthmus.model.Quality;
import io.isthmus.model.Value;

/**
 * The numbers stored for value kinds and qualities. They are part of the file format: never
 * renumber, only add.
 */
final class Codes {
    static final int BOOL = 0;
    static final int INT = 1;
    static final int REAL = 2;
    static final int TEXT = 3;

    /** SQL condition for a sample that aggregates use: good or stale, numeric and finite. */
    static final String USABLE = "quality <= 1 AND kind <> 3 AND isfinite(num)";

    private Codes() {}

    static int kind(Value v) {
        return switch (v) {
            case Value.Bool b -> BOOL;
            case Value.Int i -> INT;
            case Value.Real r -> REAL;
            case Value.Text t -> TEXT;
        };
    }

    static String kindName(int kind) {
        return switch (kind) {
            case BOOL -> "bool";
            case INT -> "int";
            case REAL -> "real";
            case TEXT -> "text";
            default -> throw new IllegalStateException("unknown value kind " + kind + " in the database");
        };
    }

    static int quality(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case STALE -> 1;
            case BAD_COMM -> 2;
            case BAD_DEVICE -> 3;
        };
    }

    static Quality quality(int code) {
        return switch (code) {
            case 0 -> Quality.GOOD;
            case 1 -> Quality.STALE;
            case 2 -> Quality.BAD_COMM;
            case 3 -> Quality.BAD_DEVICE;
            default -> throw new IllegalStateException("unknown quality " + code + " in the database");
        };
    }

    /** The value as aggregates see it; text has none. */
    static double number(Value v) {
        return v.asDouble();
    }

    /** True when aggregates use a sample with this value and quality (see {@link #USABLE}). */
    static boolean usable(Value v, Quality q) {
        return (q == Quality.GOOD || q == Quality.STALE) && !(v instanceof Value.Text) && Double.isFinite(v.asDouble());
    }

    /** Rebuilds a value from its stored columns. */
    static Value value(int kind, double num, long ival, String txt) {
        return switch (kind) {
            case BOOL -> Value.of(num != 0);
            case INT -> Value.of(ival);
            case REAL -> Value.of(num);
            case TEXT -> Value.of(txt);
            default -> throw new IllegalStateException("unknown value kind " + kind + " in the database");
        };
    }
}
