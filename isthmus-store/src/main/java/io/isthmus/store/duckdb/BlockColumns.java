package io.isthmus.store.duckdb;

import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;

/**
 * Samples as primitive columns: what {@link BlockCodec} encodes from and decodes into. {@code
 * quality} and {@code kind} hold {@link Codes}; {@code num} the value as aggregates see it (bools
 * 0/1, ints, reals; NaN for text), {@code ival} the exact int, {@code text} the text ({@code null}
 * when no sample of the columns is text). No object per sample: a day of one tag is a few arrays.
 */
final class BlockColumns {
    final int size;
    final long[] t;
    final byte[] quality;
    final byte[] kind;
    final double[] num;
    final long[] ival;
    String[] text;

    BlockColumns(int size) {
        this.size = size;
        t = new long[size];
        quality = new byte[size];
        kind = new byte[size];
        num = new double[size];
        ival = new long[size];
    }

    /** Puts sample {@code s} at {@code row}, its time already in microseconds. */
    void set(int row, long micros, Sample s) {
        t[row] = micros;
        quality[row] = (byte) Codes.quality(s.quality());
        Value v = s.value();
        kind[row] = (byte) Codes.kind(v);
        switch (v) {
            case Value.Bool b -> num[row] = b.value() ? 1.0 : 0.0;
            case Value.Int i -> {
                num[row] = i.value();
                ival[row] = i.value();
            }
            case Value.Real r -> num[row] = r.value();
            case Value.Text x -> {
                num[row] = Double.NaN;
                text(row, x.value());
            }
        }
    }

    void text(int row, String value) {
        if (text == null) {
            text = new String[size];
        }
        text[row] = value;
    }

    boolean hasText() {
        return text != null;
    }

    /** True when aggregates use the sample at {@code row}: good or stale, numeric, finite. */
    boolean usable(int row) {
        return quality[row] <= 1 && kind[row] != Codes.TEXT && Double.isFinite(num[row]);
    }

    Value value(int row) {
        return switch (kind[row]) {
            case Codes.BOOL -> Value.of(num[row] != 0);
            case Codes.INT -> Value.of(ival[row]);
            case Codes.REAL -> Value.of(num[row]);
            case Codes.TEXT -> Value.of(text[row]);
            default -> throw new IllegalStateException("unknown value kind " + kind[row]);
        };
    }

    Quality qualityOf(int row) {
        return Codes.quality(quality[row]);
    }

    Sample sample(TagPath path, int row) {
        return new Sample(path, Micros.instant(t[row]), value(row), qualityOf(row));
    }
}
