package io.isthmus.insight.energy;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Emission factors by reporting year. A year without its own factors uses the latest earlier
 * year's (published factors lag by a year or two); a year before every entry has none.
 */
public record EmissionFactorTable(List<EmissionFactors> years) {
    public EmissionFactorTable {
        years = years.stream()
                .sorted(Comparator.comparingInt(EmissionFactors::year))
                .toList();
        Set<Integer> seen = new HashSet<>();
        for (EmissionFactors f : years) {
            if (!seen.add(f.year())) {
                throw new IllegalArgumentException("emission factors for " + f.year() + " are given twice");
            }
        }
    }

    public Optional<EmissionFactors> forYear(int year) {
        EmissionFactors best = null;
        for (EmissionFactors f : years) {
            if (f.year() <= year) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }
}
