package io.isthmus.insight.energy;

import io.isthmus.insight.shift.TimeSpan;

/**
 * Readings of a meter further apart than the configured gap: the energy across it was counted but
 * where in the gap it was used is a guess (spread evenly).
 */
public record EnergyGap(String meter, TimeSpan span, double kwh) {}
