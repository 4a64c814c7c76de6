package io.isthmus.connect.modbus;

import io.isthmus.wire.modbus.ModbusRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks polled at one rate, and when they are due next. The blocks are cut into windows of at
 * most {@code maxInFlight} reads that go out together, with their requests built once.
 */
final class PollGroup {
    final Duration period;
    final long periodNanos;
    final List<ReadBlock> blocks;
    final List<List<ReadBlock>> windows;
    final List<List<ModbusRequest>> requests;
    long nextDue;

    PollGroup(Duration period, List<ReadBlock> blocks, int maxInFlight) {
        this.period = period;
        this.periodNanos = period.toNanos();
        this.blocks = List.copyOf(blocks);
        List<List<ReadBlock>> w = new ArrayList<>();
        List<List<ModbusRequest>> r = new ArrayList<>();
        for (int i = 0; i < this.blocks.size(); i += maxInFlight) {
            List<ReadBlock> window = this.blocks.subList(i, Math.min(this.blocks.size(), i + maxInFlight));
            w.add(List.copyOf(window));
            r.add(window.stream().map(ReadBlock::request).toList());
        }
        this.windows = List.copyOf(w);
        this.requests = List.copyOf(r);
    }

    /** Schedules the next cycle; a cycle that overran is not caught up with a burst. */
    void advance(long now) {
        nextDue += periodNanos;
        if (nextDue - now < 0) {
            nextDue = now;
        }
    }
}
