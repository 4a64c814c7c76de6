package io.isthmus.app.guard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.Evidence;
import io.isthmus.model.Technique;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Any model {@link Event} as one JSON line: {@code ts}, {@code kind}, {@code severity}, {@code
 * techniques} (ATT&CK for ICS ids), {@code title}, {@code assets}, {@code summary} and the evidence
 * facts in order, plus {@code src}/{@code dst} when the evidence names them.
 */
public final class EventJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EventJson() {}

    public static void writeLine(OutputStream out, Event e) throws IOException {
        try (JsonGenerator json =
                FACTORY.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeStringField("ts", e.time().toString());
            json.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("severity", e.severity().name().toLowerCase(Locale.ROOT));
            json.writeArrayFieldStart("techniques");
            for (Technique t : e.techniques()) {
                json.writeString(t.id());
            }
            json.writeEndArray();
            json.writeStringField("title", e.title());
            if (e.evidence().fact("src_ip").isPresent()) {
                json.writeStringField("src", e.evidence().fact("src_ip").get());
            }
            if (e.evidence().fact("dst_ip").isPresent()) {
                json.writeStringField("dst", e.evidence().fact("dst_ip").get());
            }
            json.writeArrayFieldStart("assets");
            for (AssetId a : e.assets()) {
                json.writeString(a.value());
            }
            json.writeEndArray();
            json.writeStringField("summary", e.evidence().summary());
            json.writeObjectFieldStart("evidence");
            for (Evidence.Fact f : e.evidence().facts()) {
                json.writeStringField(f.name(), f.value());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
