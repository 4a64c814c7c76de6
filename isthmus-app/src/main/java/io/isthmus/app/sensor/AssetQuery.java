package io.isthmus.app.sensor;

import io.isthmus.model.AssetRole;
import io.isthmus.model.PurdueLevel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of {@code GET /api/assets}, checked: a bad value is an {@link
 * IllegalArgumentException} naming the parameter (a 400 problem).
 *
 * @param level a Purdue level, or empty with {@code noLevel} for assets without one
 */
record AssetQuery(
        Optional<String> text,
        Optional<AssetRole> role,
        Optional<PurdueLevel> level,
        boolean noLevel,
        Sort sort,
        boolean descending,
        int limit,
        int offset) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    enum Sort {
        NAME,
        IP,
        LEVEL,
        LAST_SEEN
    }

    static AssetQuery parse(Map<String, String> p) {
        Optional<String> q =
                Optional.ofNullable(p.get("q")).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT));
        if (q.isPresent() && q.get().length() > 200) {
            throw new IllegalArgumentException("parameter 'q' is longer than 200 characters");
        }
        Optional<AssetRole> role =
                Optional.ofNullable(p.get("role")).filter(s -> !s.isBlank()).map(AssetQuery::role);
        String levelText = p.get("level");
        Optional<PurdueLevel> level = Optional.empty();
        boolean none = false;
        if (levelText != null && !levelText.isBlank()) {
            if (levelText.equalsIgnoreCase("none")) {
                none = true;
            } else {
                try {
                    level = Optional.of(PurdueLevel.parse(levelText));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("parameter 'level': " + e.getMessage() + ", or none");
                }
            }
        }
        Sort sort = switch (p.getOrDefault("sort", "name")) {
            case "name" -> Sort.NAME;
            case "ip" -> Sort.IP;
            case "level" -> Sort.LEVEL;
            case "lastSeen" -> Sort.LAST_SEEN;
            default ->
                throw new IllegalArgumentException(
                        "parameter 'sort' is '" + p.get("sort") + "'; it must be name, ip, level or lastSeen");
        };
        boolean desc = switch (p.getOrDefault("order", "asc")) {
            case "asc" -> false;
            case "desc" -> true;
            default ->
                throw new IllegalArgumentException(
                        "parameter 'order' is '" + p.get("order") + "'; it must be asc or desc");
        };
        return new AssetQuery(
                q,
                role,
                level,
                none,
                sort,
                desc,
                number(p, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                number(p, "offset", 0, 0, Integer.MAX_VALUE));
    }

    private static AssetRole role(String text) {
        try {
            return AssetRole.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'role' is '" + text + "'; it must be one of "
                    + java.util.Arrays.toString(AssetRole.values()));
        }
    }

    /** A whole number parameter in [min, max]; {@code fallback} when absent. */
    static int number(Map<String, String> p, String name, int fallback, int min, int max) {
        String text = p.get(name);
        if (text == null) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "' is '" + text + "'; it must be a whole number " + min + ".." + max);
        }
        return (int) v;
    }
}
