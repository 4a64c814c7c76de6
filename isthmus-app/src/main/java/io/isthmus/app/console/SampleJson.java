package io.isthmus.app.console;

import io.isthmus.model.Sample;
import io.isthmus.model.Value;

/** A sample as the API writes it: {@code {"path", "ts", "value", "quality"}}; field names are stable. */
public record SampleJson(String path, String ts, Object value, String quality) {
    public static SampleJson of(Sample s) {
        Object v = switch (s.value()) {
            case Value.Bool b -> b.value();
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Text t -> t.value();
        };
        return new SampleJson(
                s.path().toString(),
                s.sourceTime().toString(),
                v,
                s.quality().name().toLowerCase(java.util.Locale.ROOT));
    }
}
