package io.isthmus.app.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Times on the command line and in query parameters: an instant, or a local date(-time) in the plant's zone. */
public final class InsightTimes {
    private InsightTimes() {}

    /**
     * {@code 2026-11-26T06:00:00Z} (an instant, any offset), {@code 2026-11-26T06:00} (local time in
     * {@code zone}) or {@code 2026-11-26} (local midnight in {@code zone}).
     */
    public static Instant parse(String what, String text, ZoneId zone) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset; try the local forms
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a time; write e.g. 2026-11-26T06:00:00Z,"
                    + " 2026-11-26T06:00 (plant time, " + zone + ") or 2026-11-26");
        }
    }
}
