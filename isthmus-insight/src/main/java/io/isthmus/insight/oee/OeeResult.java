package io.isthmus.insight.oee;

import java.util.List;
import java.util.Objects;

/**
 * OEE of one scope in one period, by ISO 22400-2:2014, 5.5 (the key performance indicators):
 * availability = APT / PBT, performance = ideal cycle time × produced quantity / APT,
 * quality = good quantity / produced quantity, OEE = availability × performance × quality.
 * A ratio whose denominator is zero is {@code NaN} (no data says nothing), except that OEE is 0
 * when availability is 0 (planned time with no production at all).
 *
 * @param plannedBusySeconds PBT: planned shift time minus planned breaks, within the evaluated span
 * @param productionSeconds APT: the part of PBT the scope was running
 * @param produced units made (good + rejected)
 * @param good good units
 * @param idealCycleSeconds the scope's ideal cycle time
 * @param losses PBT − APT broken down by cause, largest first
 */
public record OeeResult(
        Scope scope,
        String id,
        PeriodLabel period,
        double plannedBusySeconds,
        double productionSeconds,
        long produced,
        long good,
        double idealCycleSeconds,
        List<Loss> losses) {
    public OeeResult {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(period, "period");
        losses = List.copyOf(losses);
    }

    public double availability() {
        return plannedBusySeconds > 0 ? productionSeconds / plannedBusySeconds : Double.NaN;
    }

    public double performance() {
        return productionSeconds > 0 ? idealCycleSeconds * produced / productionSeconds : Double.NaN;
    }

    public double quality() {
        return produced > 0 ? (double) good / produced : Double.NaN;
    }

    public double oee() {
        double a = availability();
        return a == 0 ? 0 : a * performance() * quality();
    }
}
