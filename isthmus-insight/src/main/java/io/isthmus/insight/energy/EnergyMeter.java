package io.isthmus.insight.energy;

import io.isthmus.insight.oee.Scope;
import io.isthmus.model.TagPath;
import java.util.Objects;

/**
 * A cumulative active-energy counter (kWh) that stands for one machine or the whole line.
 *
 * @param scope machine or line
 * @param id the machine's or line's id, as in the OEE configuration (to join good units)
 * @param tag the counter's tag, in kWh (already scaled)
 */
public record EnergyMeter(Scope scope, String id, TagPath tag) {
    public EnergyMeter {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
    }
}
