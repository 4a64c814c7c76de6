package io.isthmus.app.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in YAML and on the command line: {@code 90s}, {@code 1h30m}, {@code 250ms}, {@code 500us}. */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|us|h|m|s|d)");

    private DurationText() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write e.g. 90s, 5m or 1h30m");
        }
        String t = text.trim();
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        try {
            while (at < t.length() && m.find(at) && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(
                        switch (m.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1_000L));
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            default -> Duration.ofDays(n);
                        });
                at = m.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        if (at != t.length() || at == 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write e.g. 90s, 5m, 1h30m or 250ms (units d, h, m, s, ms, us)");
        }
        return total;
    }
}
