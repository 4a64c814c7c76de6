package io.isthmus.app.analyze;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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

    // Field names pre-encoded once: the generator copies their bytes instead of escaping each time.
    private static final SerializedString TS = new SerializedString("ts");
    private static final SerializedString SRC = new SerializedString("src");
    private static final SerializedString DST = new SerializedString("dst");
    private static final SerializedString SPORT = new SerializedString("sport");
    private static final SerializedString DPORT = new SerializedString("dport");
    private static final SerializedString SRC_MAC = new SerializedString("src_mac");
    private static final SerializedString DST_MAC = new SerializedString("dst_mac");
    private static final SerializedString PROTOCOL = new SerializedString("protocol");
    private static final SerializedString DIRECTION = new SerializedString("direction");
    private static final SerializedString FUNCTION = new SerializedString("function");
    private static final SerializedString FUNCTION_NAME = new SerializedString("function_name");
    private static final SerializedString UNIT = new SerializedString("unit");
    private static final SerializedString TRANSACTION = new SerializedString("transaction");
    private static final SerializedString ADDRESS = new SerializedString("address");
    private static final SerializedString QUANTITY = new SerializedString("quantity");
    private static final SerializedString ACCESS = new SerializedString("access");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString LATENCY_US = new SerializedString("latency_us");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString ANOMALIES = new SerializedString("anomalies");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString DETAIL = new SerializedString("detail");

    private final JsonGenerator json;
    private final Timestamps timestamps = new Timestamps();
    private final Map<IpAddress, String> addresses = new HashMap<>();
    private final Map<Long, String> macs = new HashMap<>();
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
        json.writeFieldName(TS);
        json.writeString(timestamps.format(o.timestampNanos()));
        endpoints(o);
        json.writeFieldName(PROTOCOL);
        json.writeString(m.protocol().id());
        json.writeFieldName(DIRECTION);
        json.writeString(m.direction().id());
        json.writeFieldName(FUNCTION);
        json.writeNumber(m.function());
        json.writeFieldName(FUNCTION_NAME);
        json.writeString(m.functionName());
        optional(UNIT, m.unit());
        optional(TRANSACTION, m.transaction());
        optional(ADDRESS, m.address());
        optional(QUANTITY, m.quantity());
        json.writeFieldName(ACCESS);
        json.writeString(m.access().id());
        if (m.status().isPresent()) {
            json.writeFieldName(STATUS);
            json.writeString(m.status().get());
        }
        if (o.latencyNanos() >= 0) {
            json.writeFieldName(LATENCY_US);
            json.writeNumber(o.latencyNanos() / 1000);
        }
        attributes(m);
        anomalies(m);
        json.writeEndObject();
        json.writeRaw('\n');
        lines++;
    }

    private void endpoints(Observation o) throws IOException {
        if (o.src().isPresent()) {
            json.writeFieldName(SRC);
            json.writeString(text(o.src().get()));
            json.writeFieldName(DST);
            json.writeString(text(o.dst().orElseThrow()));
        } else {
            // Frames without IP (PROFINET DCP): the MAC addresses stand in for the IP addresses.
            json.writeFieldName(SRC);
            json.writeString(mac(o.srcMac()));
            json.writeFieldName(DST);
            json.writeString(mac(o.dstMac()));
        }
        json.writeFieldName(SPORT);
        json.writeNumber(o.srcPort());
        json.writeFieldName(DPORT);
        json.writeNumber(o.dstPort());
        if (o.srcMac() >= 0) {
            json.writeFieldName(SRC_MAC);
            json.writeString(mac(o.srcMac()));
        }
        if (o.dstMac() >= 0) {
            json.writeFieldName(DST_MAC);
            json.writeString(mac(o.dstMac()));
        }
    }

    private void optional(SerializedString name, java.util.OptionalLong v) throws IOException {
        if (v.isPresent()) {
            json.writeFieldName(name);
            json.writeNumber(v.getAsLong());
        }
    }

    private void attributes(MessageSummary m) throws IOException {
        json.writeFieldName(ATTRIBUTES);
        json.writeStartObject();
        for (Attribute a : m.attributes()) {
            json.writeStringField(a.name(), a.value());
        }
        json.writeEndObject();
    }

    private void anomalies(MessageSummary m) throws IOException {
        json.writeFieldName(ANOMALIES);
        json.writeStartArray();
        for (Anomaly a : m.anomalies()) {
            json.writeStartObject();
            json.writeFieldName(CODE);
            json.writeString(a.code());
            json.writeFieldName(DETAIL);
            json.writeString(a.detail());
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

    private String mac(long mac) {
        String s = macs.get(mac);
        if (s == null) {
            if (macs.size() >= MAX_CACHED) {
                macs.clear();
            }
            s = MacText.format(mac);
            macs.put(mac, s);
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
