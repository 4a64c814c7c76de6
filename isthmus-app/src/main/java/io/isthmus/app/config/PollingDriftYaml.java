package io.isthmus.app.config;

import io.isthmus.app.config.TagConfigYaml.TagConfigException;
import io.isthmus.observe.detect.PollingDriftLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Binds the tolerances of the polling-drift detector ({@link PollingDriftLimits}) from single YAML
 * values: the {@code detection: polling-drift:} mapping of a policy file, or the {@code
 * polling-drift-*} fields of a hub's {@code sensor:} section. A field left out keeps its default
 * ({@link PollingDriftLimits#DEFAULT}); a bad value fails with {@code file:line:column}, the field's
 * name and the value.
 */
final class PollingDriftYaml {
    /** The field names, without a prefix. */
    static final List<String> FIELDS = List.of(
            "relative-tolerance",
            "absolute-tolerance",
            "spread-factor",
            "window",
            "min-intervals",
            "max-irregularity",
            "stop-periods");

    private PollingDriftYaml() {}

    /**
     * The limits from {@code fields} (keys {@code prefix + FIELDS}); {@code name} is how messages
     * name the section ({@code detection.polling-drift}, {@code sensor}).
     */
    static PollingDriftLimits bind(String source, Map<String, ScalarSection.Value> fields, String prefix, String name)
            throws TagConfigException {
        PollingDriftLimits d = PollingDriftLimits.DEFAULT;
        Reader r = new Reader(source, fields, prefix, name);
        double relative = r.decimal("relative-tolerance", d.relativeTolerance());
        Duration absolute = r.duration("absolute-tolerance", d.absoluteTolerance());
        double spread = r.decimal("spread-factor", d.spreadFactor());
        int window = r.integer("window", d.window());
        int minIntervals = r.integer("min-intervals", d.minIntervals());
        double irregularity = r.decimal("max-irregularity", d.maxIrregularity());
        int stop = r.integer("stop-periods", d.stopPeriods());
        try {
            return new PollingDriftLimits(minIntervals, irregularity, window, relative, absolute, spread, stop);
        } catch (IllegalArgumentException e) {
            ScalarSection.Value any = fields.values().stream().findFirst().orElseThrow();
            throw TagConfigYaml.error(source, any.at(), name + ": " + e.getMessage());
        }
    }

    private record Reader(String source, Map<String, ScalarSection.Value> fields, String prefix, String name) {
        double decimal(String field, double fallback) throws TagConfigException {
            ScalarSection.Value v = fields.get(prefix + field);
            if (v == null) {
                return fallback;
            }
            double x;
            try {
                x = Double.parseDouble(v.text());
            } catch (NumberFormatException e) {
                throw fail(v, field, "expected a number");
            }
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw fail(v, field, "must be a finite number not below 0");
            }
            if (x == 0 && !field.equals("spread-factor")) {
                throw fail(v, field, "must be above 0");
            }
            return x;
        }

        int integer(String field, int fallback) throws TagConfigException {
            ScalarSection.Value v = fields.get(prefix + field);
            if (v == null) {
                return fallback;
            }
            int x;
            try {
                x = Integer.parseInt(v.text());
            } catch (NumberFormatException e) {
                throw fail(v, field, "expected a whole number");
            }
            int min = field.equals("window") ? 1 : 2;
            int max = field.equals("window") ? PollingDriftLimits.MAX_WINDOW : 1_000_000;
            if (x < min || x > max) {
                throw fail(v, field, "must be " + min + ".." + max);
            }
            return x;
        }

        Duration duration(String field, Duration fallback) throws TagConfigException {
            ScalarSection.Value v = fields.get(prefix + field);
            if (v == null) {
                return fallback;
            }
            try {
                Duration d = DurationText.parse(v.text());
                if (d.isNegative()) {
                    throw new IllegalArgumentException("must not be negative");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw fail(v, field, e.getMessage());
            }
        }

        private TagConfigException fail(ScalarSection.Value v, String field, String why) {
            return TagConfigYaml.error(
                    source, v.at(), name + "." + prefix + field + ": " + why + ", was '" + v.text() + "'");
        }
    }
}
