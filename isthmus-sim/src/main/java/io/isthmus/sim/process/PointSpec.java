package io.isthmus.sim.process;

import io.isthmus.model.TagPath;
import java.util.Objects;

/**
 * One published point of the virtual line: its ISA-95 name, type, unit and whether clients may
 * write it (setpoints and commands are writable; measurements are not).
 */
public record PointSpec(TagPath path, PointType type, boolean writable, String unit, String description) {
    public PointSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }
}
