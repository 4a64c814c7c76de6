package io.isthmus.app.insight;

import io.isthmus.insight.energy.EnergyConfig;
import io.isthmus.insight.oee.OeeConfig;
import java.util.Objects;

/** OEE and energy configuration as loaded from {@code insight.yaml}; both share one shift calendar. */
public record InsightSettings(OeeConfig oee, EnergyConfig energy) {
    public InsightSettings {
        Objects.requireNonNull(oee, "oee");
        Objects.requireNonNull(energy, "energy");
        if (!oee.calendar().equals(energy.calendar())) {
            throw new IllegalArgumentException("OEE and energy must use the same shift calendar");
        }
    }
}
