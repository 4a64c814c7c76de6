package io.isthmus.insight.oee;

import java.util.Objects;
import java.util.Optional;

/**
 * Planned busy time lost to one cause in one period.
 *
 * @param machine the machine in that condition (for the line: the one that held it)
 * @param state why it was not producing: {@code FAULTED} (then {@code fault} says which),
 *     {@code IDLE} (starved or blocked), {@code MAINTENANCE}, {@code STOPPED}, or {@code UNKNOWN}
 *     (no data: no reading, or a bad-quality one)
 * @param fault the fault, for {@code FAULTED} only
 * @param seconds planned busy seconds lost
 * @param count how many times the condition began in the period (0 for "no data" without readings)
 */
public record Loss(String machine, MachineState state, Optional<FaultInfo> fault, double seconds, long count) {
    public Loss {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fault, "fault");
    }
}
