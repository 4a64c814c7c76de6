package io.isthmus.insight.energy;

import java.util.Objects;

/**
 * Scope 2 emission factors for one reporting year (GHG Protocol Scope 2 Guidance, 2015: report
 * both methods). Location-based: the average emission intensity of the grid where the energy is
 * used. Market-based: the factor of the contractual instruments bought (supplier-specific factor,
 * guarantees of origin), or the residual mix without them.
 *
 * @param year reporting year
 * @param locationKgPerKwh kg CO2e per kWh, location-based
 * @param marketKgPerKwh kg CO2e per kWh, market-based
 * @param source where the numbers come from (publication, table, edition)
 */
public record EmissionFactors(int year, double locationKgPerKwh, double marketKgPerKwh, String source) {
    public EmissionFactors {
        Objects.requireNonNull(source, "source");
        if (year < 1990 || year > 2200) {
            throw new IllegalArgumentException("emission factor year must be 1990..2200, was " + year);
        }
        check("location-kg-per-kwh", year, locationKgPerKwh);
        check("market-kg-per-kwh", year, marketKgPerKwh);
        if (source.isBlank()) {
            throw new IllegalArgumentException("emission factors for " + year + " need a source");
        }
    }

    private static void check(String name, int year, double v) {
        if (!(v >= 0 && v <= 5)) {
            throw new IllegalArgumentException(name + " for " + year + " must be 0..5 kg CO2e/kWh, was " + v);
        }
    }
}
