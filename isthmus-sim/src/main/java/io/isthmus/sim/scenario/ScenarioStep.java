package io.isthmus.sim.scenario;

import java.time.Duration;
import java.util.Objects;

/** One action at a simulated time offset from the scenario's start. */
public record ScenarioStep(Duration at, ScenarioAction action) {
    public ScenarioStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a step's time must not be negative, was " + at);
        }
    }
}
