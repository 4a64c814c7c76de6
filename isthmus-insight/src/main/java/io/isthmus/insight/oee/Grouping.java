package io.isthmus.insight.oee;

import java.util.Locale;

/** How results are grouped in time: one per shift, or one per production day (its shifts summed). */
public enum Grouping {
    SHIFT,
    DAY;

    /** {@code shift} or {@code day}; anything else is refused with the accepted values. */
    public static Grouping parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "shift" -> SHIFT;
            case "day" -> DAY;
            default -> throw new IllegalArgumentException("'by' must be shift or day, was '" + text + "'");
        };
    }
}
