package io.isthmus.app.analyze;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Observations as JSON lines (docs/analyze.md): one object per message through one reused
 * streaming generator over a large buffer, the throughput path of {@code isthmus analyze}.
 * Address and time texts are cached, since captures repeat the same few of each.
 */
public final class ObservationWriter implements Consumer<Observation>, AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private static final int MAX_CACHED = 1 << 16;

    private final JsonGenerator json;
    private final Timestamps timestamps = new Timestamps();
    private final Map<IpAddress, String> addresses = new HashMap<>();
    private long lines;

    public ObservationWriter(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(new BufferedOutputStream(out, BUFFER), JsonEncoding.UTF8);
        // One object per line: the newline is written after each object, no separator before it.
        this.json.setRootValueSeparator(null);
    }

    public long lines() {
        return lines;
    }

    @Override
    public void accept(Observation o) {
        try {
            write(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Observation o) throws IOException {
        MessageSummary m = o.message();
        json.writeStartObject();
        json.writeStringField("ts", timestamps.format(o.timestampNanos()));
        endpoints(o);
        json.writeStringField("protocol", m.protocol().id());
        json.writeStringField("direction", m.direction().id());
        json.writeNumberField("function", m.function());
        json.writeStringField("function_name", m.functionName());
        optional("unit", m.unit());
        optional("transaction", m.transaction());
        optional("address", m.address());
        optional("quantity", m.quantity());
        json.writeStringField("access", m.access().id());
        if (m.status().isPresent()) {
            json.writeStringField("status", m.status().get());
        }
        if (o.latencyNanos() >= 0) {
            json.writeNumberField("latency_us", o.latencyNanos() / 1000);
        }
        attributes(m);
        anomalies(m);
        json.writeEndObject();
        json.writeRaw('\n');
        lines++;
    }

    private void endpoints(Observation o) throws IOException {
        if (o.src().isPresent()) {
            json.writeStringField("src", text(o.src().get()));
            json.writeStringField("dst", text(o.dst().orElseThrow()));
        } else {
            // Frames without IP (PROFINET DCP): the MAC addresses stand in for the IP addresses.
            json.writeStringField("src", MacText.format(o.srcMac()));
            json.writeStringField("dst", MacText.format(o.dstMac()));
        }
        json.writeNumberField("sport", o.srcPort());
        json.writeNumberField("dport", o.dstPort());
        if (o.srcMac() >= 0) {
            json.writeStringField("src_mac", MacText.format(o.srcMac()));
        }
        if (o.dstMac() >= 0) {
            json.writeStringField("dst_mac", MacText.format(o.dstMac()));
        }
    }

    private void optional(String name, java.util.OptionalLong v) throws IOException {
        if (v.isPresent()) {
            json.writeNumberField(name, v.getAsLong());
        }
    }

    private void attributes(MessageSummary m) throws IOException {
        json.writeObjectFieldStart("attributes");
        for (Attribute a : m.attributes()) {
            json.writeStringField(a.name(), a.value());
        }
        json.writeEndObject();
    }

    private void anomalies(MessageSummary m) throws IOException {
        json.writeArrayFieldStart("anomalies");
        for (Anomaly a : m.anomalies()) {
            json.writeStartObject();
            json.writeStringField("code", a.code());
            json.writeStringField("detail", a.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private String text(IpAddress a) {
        String s = addresses.get(a);
        if (s == null) {
            if (addresses.size() >= MAX_CACHED) {
                addresses.clear();
            }
            s = a.toString();
            addresses.put(a, s);
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
