package io.isthmus.sim.process;

/** What kind of trouble a fault is; incidents pick their runbook by it. */
public enum FaultClass {
    NONE,
    ELECTRICAL,
    MECHANICAL,
    THERMAL,
    MATERIAL,
    SAFETY
}
