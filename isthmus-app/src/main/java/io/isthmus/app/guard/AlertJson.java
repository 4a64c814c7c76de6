package io.isthmus.app.guard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.isthmus.model.Technique;
import io.isthmus.observe.detect.Alert;
import io.isthmus.observe.detect.EvidenceItem;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Alerts as JSON lines (docs/guard.md): {@code ts}, {@code severity}, {@code techniques} (ATT&CK for
 * ICS ids), {@code src}, {@code dst}, {@code protocol}, {@code title} and {@code evidence} in every
 * line, plus the rule, tactics, zone path, count, last time and assets.
 */
public final class AlertJson {
    private AlertJson() {}

    public static void write(OutputStream out, List<Alert> alerts) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(new BufferedOutputStream(out), JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            for (Alert a : alerts) {
                line(json, a);
                json.writeRaw('\n');
            }
        }
    }

    private static void line(JsonGenerator json, Alert a) throws IOException {
        var e = a.event();
        json.writeStartObject();
        json.writeStringField("ts", instant(a.firstNanos()));
        json.writeStringField("last_ts", instant(a.lastNanos()));
        json.writeStringField("severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
        json.writeArrayFieldStart("techniques");
        for (Technique t : e.techniques()) {
            json.writeString(t.id());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tactics");
        for (String t : e.evidence().fact("tactics").orElse("").split(",")) {
            if (!t.isEmpty()) {
                json.writeString(t);
            }
        }
        json.writeEndArray();
        json.writeStringField("rule", a.rule().id());
        json.writeStringField("title", e.title());
        json.writeStringField("src", a.src());
        json.writeStringField("dst", a.dst());
        json.writeStringField("protocol", a.protocol().map(p -> p.id()).orElse("tcp"));
        if (!a.zonePath().isEmpty()) {
            json.writeStringField("zone_path", a.zonePath());
        }
        json.writeNumberField("count", a.count());
        json.writeArrayFieldStart("assets");
        for (var id : e.assets()) {
            json.writeString(id.value());
        }
        json.writeEndArray();
        json.writeStringField("summary", e.evidence().summary());
        json.writeArrayFieldStart("evidence");
        for (EvidenceItem item : a.evidence()) {
            evidence(json, item);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void evidence(JsonGenerator json, EvidenceItem item) throws IOException {
        json.writeStartObject();
        json.writeStringField("ts", instant(item.timeNanos()));
        if (item.frame() > 0) {
            json.writeNumberField("frame", item.frame());
        }
        json.writeNumberField("function", item.function());
        json.writeStringField("function_name", item.functionName());
        if (item.address().isPresent()) {
            json.writeNumberField("address", item.address().getAsLong());
        }
        json.writeStringField("detail", item.detail());
        json.writeEndObject();
    }

    static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }
}
