package io.isthmus.app.hub;

import io.isthmus.app.config.DurationText;
import io.isthmus.model.TagPath;
import io.isthmus.store.Aggregate;
import io.isthmus.store.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/tags/history?path=...&from=...&to=...&interval=1m&agg=avg}, validated: every
 * parameter is checked, unknown ones are refused, and the number of points is bounded, so a
 * request can neither be misread nor make the hub work without limit.
 *
 * <p>{@code from} and {@code to} are ISO 8601 instants ({@code 2026-11-26T03:00:00Z}), {@code now},
 * or {@code now-15m}, inside the historian's storable times ({@link TimeRange#STORABLE}); defaults {@code to=now}, {@code from=to-1h}. {@code interval} is a duration
 * ({@code 10s}, {@code 1m}, at least 1s; default 1m); {@code agg} one of {@code avg min max last
 * count twa} (default avg).
 */
record HistoryQuery(TagPath path, Instant from, Instant to, Duration interval, Aggregate aggregate, String aggName) {
    static final Set<String> PARAMETERS = Set.of("path", "from", "to", "interval", "agg");
    static final Map<String, Aggregate> AGGREGATES = Map.of(
            "avg", Aggregate.AVG,
            "min", Aggregate.MIN,
            "max", Aggregate.MAX,
            "last", Aggregate.LAST,
            "count", Aggregate.COUNT,
            "twa", Aggregate.TIME_WEIGHTED_AVG);
    static final Duration MAX_RANGE = Duration.ofDays(3660);

    long points() {
        long len = Duration.between(from, to).toMillis();
        long iv = interval.toMillis();
        return (len + iv - 1) / iv;
    }

    /** Parses and checks the query parameters (one value each); the message names the parameter. */
    static HistoryQuery parse(Map<String, java.util.List<String>> params, Instant now, int maxPoints) {
        for (var e : params.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "unknown parameter '" + e.getKey() + "'; expected path, from, to, interval, agg");
            }
            if (e.getValue().size() != 1) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' is given "
                        + e.getValue().size() + " times; give it once");
            }
        }
        String p = one(params, "path");
        if (p == null || p.isEmpty()) {
            throw new IllegalArgumentException("parameter 'path' is required: the tag's ISA-95 path");
        }
        TagPath path;
        try {
            path = TagPath.parse(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'path': " + e.getMessage());
        }
        Instant to = instant("to", one(params, "to"), now, now);
        Instant from = instant("from", one(params, "from"), now, to.minus(Duration.ofHours(1)));
        storable("from", from);
        storable("to", to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("parameter 'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("from .. to spans more than " + MAX_RANGE.toDays() + " days");
        }
        Duration interval = interval(one(params, "interval"));
        String aggName = one(params, "agg") == null ? "avg" : one(params, "agg").toLowerCase(Locale.ROOT);
        Aggregate agg = AGGREGATES.get(aggName);
        if (agg == null) {
            throw new IllegalArgumentException(
                    "parameter 'agg' is '" + aggName + "'; expected one of avg, min, max, last, count, twa");
        }
        HistoryQuery q = new HistoryQuery(path, from, to, interval, agg, aggName);
        if (q.points() > maxPoints) {
            throw new IllegalArgumentException("from .. to at interval " + one(params, "interval") + " gives "
                    + q.points() + " points, more than " + maxPoints + "; use a longer interval or a shorter range");
        }
        return q;
    }

    /** The historian stores nothing outside {@link TimeRange#STORABLE}; a bound beyond it is a mistake. */
    private static void storable(String name, Instant t) {
        if (t.isBefore(TimeRange.STORABLE.from())) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + t
                    + ", before the earliest time the historian stores (" + TimeRange.STORABLE.from() + ")");
        }
        if (t.isAfter(TimeRange.STORABLE.to())) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + t
                    + ", after the latest time the historian stores (before " + TimeRange.STORABLE.to() + ")");
        }
    }

    private static String one(Map<String, java.util.List<String>> params, String name) {
        var v = params.get(name);
        return v == null ? null : v.getFirst();
    }

    private static Duration interval(String text) {
        if (text == null) {
            return Duration.ofMinutes(1);
        }
        Duration d;
        try {
            d = DurationText.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("parameter 'interval': " + e.getMessage());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("parameter 'interval' is " + text + "; it must be 1s .. 366d");
        }
        return d;
    }

    private static Instant instant(String name, String text, Instant now, Instant fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (text.equals("now")) {
            return now;
        }
        if (text.startsWith("now-")) {
            try {
                return now.minus(DurationText.parse(text.substring(4)));
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage());
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is '" + text
                    + "'; expected an ISO 8601 instant such as 2026-11-26T03:00:00Z, now, or now-15m");
        }
    }
}
