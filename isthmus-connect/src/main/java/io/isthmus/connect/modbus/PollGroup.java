package io.isthmus.connect.modbus;

import java.time.Duration;
import java.util.List;

/** The blocks polled at one rate, and when they are due next. */
final class PollGroup {
    final Duration period;
    final long periodNanos;
    final List<ReadBlock> blocks;
    long nextDue;

    PollGroup(Duration period, List<ReadBlock> blocks) {
        this.period = period;
        this.periodNanos = period.toNanos();
        this.blocks = List.copyOf(blocks);
    }

    /** Schedules the next cycle; a cycle that overran is not caught up with a burst. */
    void advance(long now) {
        nextDue += periodNanos;
        if (nextDue - now < 0) {
            nextDue = now;
        }
    }
}
