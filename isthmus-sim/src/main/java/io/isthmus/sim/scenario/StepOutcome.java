package io.isthmus.sim.scenario;

import java.time.Duration;

/** What became of one scenario step, for the scenario log. */
public record StepOutcome(Duration at, ScenarioAction action, boolean ok, String detail) {
    public String logLine() {
        return String.format(
                "[scenario t=%ds] %s -> %s%s", at.toSeconds(), action.describe(), ok ? "" : "FAILED: ", detail);
    }
}
