package io.isthmus.connect.modbus;

import io.isthmus.wire.modbus.ModbusRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks polled at one rate, their reporters, and when they are due next. The blocks are cut
 * into windows of at most {@code maxInFlight} reads that go out together, with their requests built
 * once.
 */
final class PollGroup {
    final Duration period;
    final long periodNanos;
    final List<ReadBlock> blocks;
    final List<BlockReporter> reporters;
    final List<List<BlockReporter>> windows;
    final List<List<ModbusRequest>> requests;
    long nextDue;

    PollGroup(Duration period, List<ReadBlock> blocks, int maxInFlight, long createdNanos) {
        this.period = period;
        this.periodNanos = period.toNanos();
        this.blocks = List.copyOf(blocks);
        this.reporters = this.blocks.stream()
                .map(b -> new BlockReporter(b, createdNanos))
                .toList();
        List<List<BlockReporter>> w = new ArrayList<>();
        List<List<ModbusRequest>> r = new ArrayList<>();
        for (int i = 0; i < reporters.size(); i += maxInFlight) {
            List<BlockReporter> window = reporters.subList(i, Math.min(reporters.size(), i + maxInFlight));
            w.add(List.copyOf(window));
            r.add(window.stream().map(b -> b.block().request()).toList());
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
