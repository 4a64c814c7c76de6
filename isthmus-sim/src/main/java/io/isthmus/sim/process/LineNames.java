package io.isthmus.sim.process;

import io.isthmus.model.TagPath;

/** The upper ISA-95 levels the virtual line is named under; cell, equipment and point come from the line. */
public record LineNames(String enterprise, String site, String area, String line) {
    public static final LineNames DEFAULT = new LineNames("acme", "springfield", "packaging", "line1");

    public LineNames {
        // validates every segment with the tag path rules
        new TagPath(enterprise, site, area, line, "cell", "equipment", "point");
    }

    public TagPath path(String cell, String equipment, String point) {
        return new TagPath(enterprise, site, area, line, cell, equipment, point);
    }

    /** The meter lives in the line's utilities cell. */
    public static final String UTILITIES_CELL = "utilities";
}
