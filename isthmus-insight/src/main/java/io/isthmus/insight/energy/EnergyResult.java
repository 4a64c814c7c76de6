package io.isthmus.insight.energy;

import io.isthmus.insight.oee.PeriodLabel;
import io.isthmus.insight.oee.Scope;
import java.util.Optional;

/**
 * Energy of one scope in one period, with its intensity and Scope 2 emissions.
 *
 * @param kwh energy used in the period
 * @param goodUnits good units the scope made (from OEE); 0 when unknown
 * @param factors the emission factors applied (of the period's reporting year), if any
 */
public record EnergyResult(
        Scope scope, String id, PeriodLabel period, double kwh, long goodUnits, Optional<EmissionFactors> factors) {

    /** kWh per good unit; {@code NaN} without good units. */
    public double kwhPerGoodUnit() {
        return goodUnits > 0 ? kwh / goodUnits : Double.NaN;
    }

    /** kg CO2e, location-based; {@code NaN} without factors for the year. */
    public double co2eLocationKg() {
        return factors.map(f -> kwh * f.locationKgPerKwh()).orElse(Double.NaN);
    }

    /** kg CO2e, market-based; {@code NaN} without factors for the year. */
    public double co2eMarketKg() {
        return factors.map(f -> kwh * f.marketKgPerKwh()).orElse(Double.NaN);
    }
}
