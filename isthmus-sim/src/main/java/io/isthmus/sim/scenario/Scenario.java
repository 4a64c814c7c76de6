package io.isthmus.sim.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A timeline of actions played against the virtual line; steps are kept sorted by time. */
public record Scenario(String name, String description, List<ScenarioStep> steps) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        description = description == null ? "" : description;
        steps = steps.stream().sorted(Comparator.comparing(ScenarioStep::at)).toList();
    }

    /** A line running on its own: no injected events. */
    public static Scenario idle() {
        return new Scenario("idle", "the line runs with its own random faults only", List.of());
    }
}
