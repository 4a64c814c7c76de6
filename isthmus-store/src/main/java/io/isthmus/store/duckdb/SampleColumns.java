package io.isthmus.store.duckdb;

import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import java.util.Arrays;

/**
 * One append's samples as the primitive columns of {@code samples}, plus what the append learns
 * per tag (oldest and newest time, the newest sample) and its minute partials. Filled in one pass
 * with no object per sample: the columns go to DuckDB as one row of lists (a memory copy each) and
 * are unnested there, which is what lets an append run at millions of samples per second instead
 * of paying a checked appender call per value (see docs/historian.md, "Ingest").
 */
final class SampleColumns {
    final int size;
    final int[] tag;
    final long[] t;
    final short[] quality;
    final short[] kind;
    final double[] num;
    final boolean[] numNull;
    final long[] ival;
    final boolean[] ivalNull;
    final MinuteRollup rollup = new MinuteRollup();

    /** Tag id → slot + 1 (0: not in this append). */
    private int[] slotOfId = new int[64];

    private int slots;
    private int[] slotId = new int[16];
    private long[] firstT = new long[16];
    private long[] lastT = new long[16];
    private int[] latestRow = new int[16];
    private boolean hasText;

    SampleColumns(int size) {
        this.size = size;
        tag = new int[size];
        t = new long[size];
        quality = new short[size];
        kind = new short[size];
        num = new double[size];
        numNull = new boolean[size];
        ival = new long[size];
        ivalNull = new boolean[size];
    }

    /** Puts sample {@code s} of tag {@code id} at {@code row}. */
    void set(int row, int id, Sample s) {
        long micros = Micros.of(s.sourceTime());
        Value v = s.value();
        tag[row] = id;
        t[row] = micros;
        quality[row] = (short) Codes.quality(s.quality());
        kind[row] = (short) Codes.kind(v);
        ivalNull[row] = true;
        switch (v) {
            case Value.Bool b -> num[row] = b.value() ? 1.0 : 0.0;
            case Value.Int i -> {
                num[row] = i.value();
                ival[row] = i.value();
                ivalNull[row] = false;
            }
            case Value.Real r -> num[row] = r.value();
            case Value.Text x -> {
                numNull[row] = true;
                hasText = true;
            }
        }
        int slot = slot(id, row, micros);
        if (Codes.usable(v, s.quality())) {
            rollup.add(slot, id, micros, num[row]);
        }
    }

    /** True when a sample holds text, which the list route does not carry. */
    boolean hasText() {
        return hasText;
    }

    int tagCount() {
        return slots;
    }

    int tagId(int slot) {
        return slotId[slot];
    }

    long firstT(int slot) {
        return firstT[slot];
    }

    long lastT(int slot) {
        return lastT[slot];
    }

    /** The row of the tag's newest sample; on equal times the later one. */
    int latestRow(int slot) {
        return latestRow[slot];
    }

    private int slot(int id, int row, long micros) {
        if (id >= slotOfId.length) {
            slotOfId = Arrays.copyOf(slotOfId, Math.max(id + 1, slotOfId.length * 2));
        }
        int s = slotOfId[id] - 1;
        if (s < 0) {
            s = slots++;
            if (s == slotId.length) {
                int n = s * 2;
                slotId = Arrays.copyOf(slotId, n);
                firstT = Arrays.copyOf(firstT, n);
                lastT = Arrays.copyOf(lastT, n);
                latestRow = Arrays.copyOf(latestRow, n);
            }
            slotOfId[id] = s + 1;
            slotId[s] = id;
            firstT[s] = micros;
            lastT[s] = micros;
            latestRow[s] = row;
            return s;
        }
        firstT[s] = Math.min(firstT[s], micros);
        if (micros >= lastT[s]) {
            lastT[s] = micros;
            latestRow[s] = row;
        }
        return s;
    }
}
