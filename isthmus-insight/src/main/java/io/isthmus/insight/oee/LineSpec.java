package io.isthmus.insight.oee;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A production line: its machines in flow order and the machine whose output is the line's
 * output. The line's OEE uses the output machine's counts and ideal cycle time, and its own state:
 * running while the output machine runs, otherwise held by the first faulted machine in flow order
 * (its fault code is the line's loss), else by a machine in maintenance, else a stopped one.
 *
 * @param id e.g. "line1"
 * @param output id of the machine that makes the line's units (usually the last)
 * @param machines in flow order, ids unique
 */
public record LineSpec(String id, String output, List<MachineSpec> machines) {
    public LineSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(output, "output");
        machines = List.copyOf(machines);
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("line id must be 1..64 characters, was '" + id + "'");
        }
        if (machines.isEmpty() || machines.size() > 1000) {
            throw new IllegalArgumentException("line '" + id + "' needs 1..1000 machines, has " + machines.size());
        }
        Set<String> ids = new HashSet<>();
        Set<String> equipment = new HashSet<>();
        for (MachineSpec m : machines) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("line '" + id + "' lists machine '" + m.id() + "' twice");
            }
            if (!equipment.add(m.equipment())) {
                throw new IllegalArgumentException("line '" + id + "' lists equipment '" + m.equipment() + "' twice");
            }
        }
        if (!ids.contains(output)) {
            throw new IllegalArgumentException(
                    "line '" + id + "' output '" + output + "' is not one of its machines " + ids);
        }
    }

    public MachineSpec outputMachine() {
        return machines.stream().filter(m -> m.id().equals(output)).findFirst().orElseThrow();
    }
}
