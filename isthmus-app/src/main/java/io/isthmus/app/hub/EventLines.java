package io.isthmus.app.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isthmus.insight.incident.Occurrence;
import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An event with its origin as a JSON object, for the hub's event and incident journals: every
 * field of the model {@link Event}, facts as an ordered list (names may repeat). {@link #read}
 * checks what {@link #write} wrote and throws {@link IllegalArgumentException} naming the field.
 */
final class EventLines {
    private static final AttackIcs ATTACK = AttackIcs.bundled();

    private EventLines() {}

    static ObjectNode write(ObjectMapper json, Occurrence o) {
        Event e = o.event();
        ObjectNode n = json.createObjectNode();
        n.put("edge", o.origin());
        n.put("sequence", o.sequence());
        n.put("time", e.time().toString());
        n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        n.put("severity", e.severity().name().toLowerCase(Locale.ROOT));
        n.put("title", e.title());
        ArrayNode assets = n.putArray("assets");
        e.assets().forEach(a -> assets.add(a.value()));
        ArrayNode techniques = n.putArray("techniques");
        e.techniques().forEach(t -> techniques.add(t.id()));
        n.put("summary", e.evidence().summary());
        ArrayNode facts = n.putArray("facts");
        for (Evidence.Fact f : e.evidence().facts()) {
            facts.addObject().put("name", f.name()).put("value", f.value());
        }
        return n;
    }

    static Occurrence read(JsonNode n) {
        List<AssetId> assets = new ArrayList<>();
        array(n, "assets").forEach(a -> assets.add(new AssetId(a.asText())));
        List<Technique> techniques = new ArrayList<>();
        array(n, "techniques").forEach(t -> techniques.add(ATTACK.technique(t.asText())));
        List<Evidence.Fact> facts = new ArrayList<>();
        array(n, "facts").forEach(f -> facts.add(new Evidence.Fact(text(f, "name"), text(f, "value"))));
        Event e = new Event(
                Instant.parse(text(n, "time")),
                EventKind.valueOf(text(n, "kind").toUpperCase(Locale.ROOT)),
                Severity.valueOf(text(n, "severity").toUpperCase(Locale.ROOT)),
                text(n, "title"),
                assets,
                techniques,
                new Evidence(text(n, "summary"), facts));
        JsonNode seq = n.get("sequence");
        if (seq == null || !seq.canConvertToLong()) {
            throw new IllegalArgumentException("'sequence' is missing or not a number");
        }
        return new Occurrence(text(n, "edge"), seq.asLong(), e);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a list");
        }
        return v;
    }
}
