package io.isthmus.app.analyze;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Observations as JSON lines (docs/analyze.md): one object per message, written as bytes into one
 * large buffer ({@link JsonLineBuffer}), the throughput path of {@code isthmus analyze}. Field
 * names are encoded once; the fields a flow direction repeats on every line (addresses, ports,
 * MACs, protocol, direction) are kept as bytes per direction ({@link EndpointTexts}).
 */
public final class ObservationWriter implements Consumer<Observation>, AutoCloseable {
    private static final int BUFFER = 1 << 20;
    /** Slots of the function text cache: 1,024, above the function codes and names of all protocols. */
    private static final int FUNCTION_SLOT_BITS = 10;

    // Field names with their quotes, colon and the comma before them, encoded once.
    private static final byte[] TS = ascii("{\"ts\":");
    private static final byte[] SRC = ascii(",\"src\":");
    private static final byte[] DST = ascii(",\"dst\":");
    private static final byte[] SPORT = ascii(",\"sport\":");
    static final byte[] DPORT = ascii(",\"dport\":");
    static final byte[] SRC_MAC = ascii(",\"src_mac\":");
    static final byte[] DST_MAC = ascii(",\"dst_mac\":");
    static final byte[] PROTOCOL = ascii(",\"protocol\":");
    static final byte[] DIRECTION = ascii(",\"direction\":");
    static final byte[] FUNCTION = ascii(",\"function\":");
    private static final byte[] FUNCTION_NAME = ascii(",\"function_name\":");
    private static final byte[] UNIT = ascii(",\"unit\":");
    private static final byte[] TRANSACTION = ascii(",\"transaction\":");
    private static final byte[] ADDRESS = ascii(",\"address\":");
    private static final byte[] QUANTITY = ascii(",\"quantity\":");
    private static final byte[] ACCESS = ascii(",\"access\":");
    private static final byte[] STATUS = ascii(",\"status\":");
    private static final byte[] LATENCY_US = ascii(",\"latency_us\":");
    private static final byte[] ATTRIBUTES = ascii(",\"attributes\":{");
    private static final byte[] ANOMALIES = ascii("},\"anomalies\":[");
    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] DETAIL = ascii(",\"detail\":");
    private static final byte[] END = ascii("]}\n");
    private static final byte[] NO_MAC = ascii("\"\"");

    // Enum texts as quoted JSON strings, by ordinal.
    private static final byte[][] PROTOCOL_IDS = quotedIds(Protocol.values(), Protocol::id);
    private static final byte[][] DIRECTION_IDS = quotedIds(Direction.values(), Direction::id);
    private static final byte[][] ACCESS_IDS = quotedIds(AccessKind.values(), AccessKind::id);

    private final JsonLineBuffer json;
    private final JsonAttributes lazyAttributes;
    private final Timestamps timestamps = new Timestamps();
    private final EndpointTexts endpointTexts = new EndpointTexts();
    private final String[] functionNames = new String[1 << FUNCTION_SLOT_BITS];
    private final int[] functionCodes = new int[1 << FUNCTION_SLOT_BITS];
    private final byte[][] functionTexts = new byte[1 << FUNCTION_SLOT_BITS][];
    private final String[] functionsSeenOnce = new String[1 << FUNCTION_SLOT_BITS];
    private final int[] functionSeenCodes = new int[1 << FUNCTION_SLOT_BITS];
    private final byte[] macBytes = new byte[19];
    private long lines;

    public ObservationWriter(OutputStream out) throws IOException {
        this.json = new JsonLineBuffer(out, BUFFER);
        this.lazyAttributes = new JsonAttributes(json);
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
        json.raw(TS);
        timestamps.write(o.timestampNanos(), json);
        if (o.src().isPresent()) {
            IpAddress src = o.src().get();
            IpAddress dst = o.dst().orElseThrow();
            int protocol = m.protocol().ordinal();
            int direction = m.direction().ordinal();
            json.raw(endpointTexts.text(
                    src.high(),
                    src.low(),
                    dst.high(),
                    dst.low(),
                    o.srcPort(),
                    o.dstPort(),
                    o.srcMac(),
                    o.dstMac(),
                    protocol * DIRECTION_IDS.length + direction,
                    PROTOCOL_IDS[protocol],
                    DIRECTION_IDS[direction]));
        } else {
            withoutIp(o, m);
        }
        function(m.function(), m.functionName());
        optional(UNIT, m.unit());
        optional(TRANSACTION, m.transaction());
        optional(ADDRESS, m.address());
        optional(QUANTITY, m.quantity());
        json.raw(ACCESS);
        json.raw(ACCESS_IDS[m.access().ordinal()]);
        if (m.status().isPresent()) {
            json.raw(STATUS);
            json.cachedString(m.status().get());
        }
        if (o.latencyNanos() >= 0) {
            json.raw(LATENCY_US);
            json.number(o.latencyNanos() / 1000);
        }
        attributes(m);
        anomalies(m);
        json.raw(END);
        lines++;
    }

    /**
     * Frames without IP (PROFINET DCP), field by field up to {@code "function":}: the MAC addresses
     * stand in for the IP addresses. The same fields as {@link EndpointTexts} writes for IP.
     */
    private void withoutIp(Observation o, MessageSummary m) throws IOException {
        json.raw(SRC);
        mac(o.srcMac());
        json.raw(DST);
        mac(o.dstMac());
        json.raw(SPORT);
        json.number(o.srcPort());
        json.raw(DPORT);
        json.number(o.dstPort());
        if (o.srcMac() >= 0) {
            json.raw(SRC_MAC);
            mac(o.srcMac());
        }
        if (o.dstMac() >= 0) {
            json.raw(DST_MAC);
            mac(o.dstMac());
        }
        json.raw(PROTOCOL);
        json.raw(PROTOCOL_IDS[m.protocol().ordinal()]);
        json.raw(DIRECTION);
        json.raw(DIRECTION_IDS[m.direction().ordinal()]);
        json.raw(FUNCTION);
    }

    /**
     * {@code N,"function_name":"Name"}: from the cache when this function code came with this name
     * String object before (names are constants of the dissectors), else field by field. Kept on
     * its second sighting, like {@link JsonLineBuffer}'s strings, and two-way as they are: looked
     * for in its slot and the neighbour ({@code slot ^ 1}), the displaced entry moving next door.
     * (Direct mapped, Modbus's "15 Write Multiple Coils" and "2 Read Discrete Inputs" shared a
     * slot and came in request-response runs: each replaced the other 8,355 times on the benchmark
     * capture; docs/benchmarks.md, "(perf13w)".)
     */
    private void function(int code, String name) throws IOException {
        int slot = (code * 0x9E37_79B9 ^ name.hashCode()) >>> (32 - FUNCTION_SLOT_BITS);
        if (functionNames[slot] == name && functionCodes[slot] == code) {
            json.raw(functionTexts[slot]);
            return;
        }
        int other = slot ^ 1;
        if (functionNames[other] == name && functionCodes[other] == code) {
            json.raw(functionTexts[other]);
            return;
        }
        json.number(code);
        json.raw(FUNCTION_NAME);
        json.cachedString(name);
        if (functionsSeenOnce[slot] == name && functionSeenCodes[slot] == code) {
            var text = new ByteArrayOutputStream();
            text.writeBytes(ascii(Integer.toString(code)));
            text.writeBytes(FUNCTION_NAME);
            text.writeBytes(JsonLineBuffer.quoted(name));
            if (functionNames[slot] != null) {
                functionNames[other] = functionNames[slot];
                functionCodes[other] = functionCodes[slot];
                functionTexts[other] = functionTexts[slot];
            }
            functionNames[slot] = name;
            functionCodes[slot] = code;
            functionTexts[slot] = text.toByteArray();
        } else {
            functionsSeenOnce[slot] = name;
            functionSeenCodes[slot] = code;
        }
    }

    private void optional(byte[] name, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            json.raw(name);
            json.number(v.getAsLong());
        }
    }

    private void attributes(MessageSummary m) throws IOException {
        json.raw(ATTRIBUTES);
        List<Attribute> attributes = m.attributes();
        if (attributes instanceof LazyAttributes lazy) {
            lazyAttributes.start();
            lazy.writeTo(lazyAttributes);
            lazyAttributes.finish();
            return;
        }
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            if (i > 0) {
                json.raw(',');
            }
            json.cachedString(a.name());
            json.raw(':');
            json.cachedString(a.value());
        }
    }

    private void anomalies(MessageSummary m) throws IOException {
        json.raw(ANOMALIES);
        List<Anomaly> anomalies = m.anomalies();
        for (int i = 0; i < anomalies.size(); i++) {
            Anomaly a = anomalies.get(i);
            if (i > 0) {
                json.raw(',');
            }
            json.raw(CODE);
            json.cachedString(a.code());
            json.raw(DETAIL);
            json.string(a.detail());
            json.raw('}');
        }
    }

    private void mac(long mac) throws IOException {
        if (mac < 0) {
            json.raw(NO_MAC);
            return;
        }
        MacText.quoted(mac, macBytes);
        json.raw(macBytes);
    }

    private static <E extends Enum<E>> byte[][] quotedIds(E[] values, Function<E, String> id) {
        byte[][] ids = new byte[values.length][];
        for (E e : values) {
            ids[e.ordinal()] = JsonLineBuffer.quoted(id.apply(e));
        }
        return ids;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
