package io.isthmus.connect.sparkplug;

import io.isthmus.connect.config.Deadband;
import io.isthmus.connect.config.Scaling;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.connect.poll.TagReporter;
import io.isthmus.model.Quality;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The host side of Sparkplug B without the network: MQTT messages in, samples and rebirth
 * requests out (Sparkplug B 3.0, chapter 5 "Operational behavior", host application parts).
 * {@link SparkplugSource} feeds it; tests and the fuzz test call {@link #accept} directly.
 *
 * <ul>
 *   <li>NBIRTH and DBIRTH define the metrics (name, alias, datatype) and carry first values.
 *   <li>NDATA and DDATA name metrics by alias (or name), resolved through the birth.
 *   <li>Every message of a node but NDEATH carries a sequence number 0..255 that grows by one,
 *       wrapping to 0; NBIRTH starts it. A gap means a lost message: with {@code rebirthOnGap} the
 *       node's tags become STALE, its data is ignored and a rebirth is requested.
 *   <li>Data from a node or device whose birth we missed is counted and triggers a rebirth request.
 *   <li>NDEATH (the node's MQTT will) makes all its tags BAD_COMM once, but only when its bdSeq is
 *       the one of the current NBIRTH: a late will of an older connection is ignored. DDEATH does
 *       the same for one device.
 *   <li>A null metric ({@code is_null}) is {@link Quality#BAD_DEVICE}: the edge node itself tells
 *       us it has no value for it (its device failed to deliver one), which is what BAD_DEVICE
 *       means for Modbus too; STALE would claim a value that was once good is merely late.
 * </ul>
 *
 * <p>Rebirth requests are rate-limited per node to one per {@code rebirthInterval}. The source time
 * of a sample is the metric's timestamp, else the payload's, else the time of arrival. STALE and
 * BAD samples, which the host decides on, are stamped with the arrival time moved onto the edge
 * node's clock (by the offset between the last payload timestamp and its arrival): stamped with
 * our clock, a node whose clock runs behind ours would see its next good values dropped, since a
 * value older than the tag's previous sample is dropped (source times of a tag strictly
 * increase).
 * Thread-safe (one lock).
 */
public final class SparkplugConsumer {
    /** Latest timestamp taken as given: 9999-12-31T23:59:59.999Z. */
    private static final long MAX_MILLIS = 253_402_300_799_999L;

    private final SparkplugLimits limits;
    private final boolean rebirthOnGap;
    private final Duration rebirthInterval;
    private final Optional<SparkplugPathRule> rule;
    private final SparkplugSourceConfig config;
    private final SparkplugPayloadCodec codec;
    private final SampleSink sink;
    private final Map<MetricKey, SparkplugTagConfig> explicit = new HashMap<>();
    private final Map<MetricKey, TagReporter> reporters = new HashMap<>();
    private final Map<TagPath, MetricKey> owners = new HashMap<>();
    private final Map<String, EdgeNodeSession> nodes = new HashMap<>();
    private final EnumMap<Anomaly, LongAdder> anomalies = new EnumMap<>(Anomaly.class);
    private final LongAdder messages = new LongAdder();
    private final LongAdder samples = new LongAdder();
    /** Metric definitions held in all sessions, bounded by {@link SparkplugLimits#maxMetricsTotal()}. */
    private long definitions;

    public SparkplugConsumer(SparkplugSourceConfig config, List<SparkplugTagConfig> tags, SampleSink sink) {
        this.limits = config.limits();
        this.rebirthOnGap = config.rebirthOnGap();
        this.rebirthInterval = config.rebirthInterval();
        this.rule = config.pathRule();
        this.config = config;
        this.codec = new SparkplugPayloadCodec(limits);
        SampleSink target = java.util.Objects.requireNonNull(sink, "sink");
        this.sink = s -> {
            samples.increment();
            target.accept(s);
        };
        for (Anomaly a : Anomaly.values()) {
            anomalies.put(a, new LongAdder());
        }
        for (SparkplugTagConfig t : tags) {
            if (!t.source().equals(config.id())) {
                throw new IllegalArgumentException(
                        t.path() + " belongs to source " + t.source() + ", not " + config.id());
            }
            if (explicit.put(t.metric(), t) != null) {
                throw new IllegalArgumentException("metric " + t.metric() + " is mapped twice");
            }
            MetricKey other = owners.put(t.path(), t.metric());
            if (other != null) {
                throw new IllegalArgumentException(
                        "tag " + t.path() + " is mapped from both " + other + " and " + t.metric());
            }
        }
    }

    /**
     * One message from the broker. Returns the rebirth request it calls for, if any; everything
     * wrong with it is counted and dropped.
     */
    public synchronized Optional<RebirthRequest> accept(String topic, byte[] payload, Instant receivedAt) {
        messages.increment();
        Optional<SparkplugTopic> parsed = SparkplugTopic.parse(topic, limits.maxNameLength());
        if (parsed.isEmpty()) {
            return count(Anomaly.MALFORMED_TOPIC);
        }
        SparkplugTopic t = parsed.get();
        if (t.type() == MessageType.NCMD || t.type() == MessageType.DCMD) {
            return Optional.empty(); // commands to edge nodes, ours included: not data
        }
        return switch (codec.decode(payload)) {
            case PayloadDecoding.Malformed m -> count(m.anomaly());
            case PayloadDecoding.Decoded d -> dispatch(t, d.payload(), receivedAt);
        };
    }

    /** The broker connection is gone: nothing is known any more, every tag is BAD_COMM once. */
    public synchronized void connectionLost(Instant now) {
        for (EdgeNodeSession s : nodes.values()) {
            s.tables().forEach(table -> bad(table, Quality.BAD_COMM, s.onNodeClock(now)));
        }
        nodes.clear();
        definitions = 0;
    }

    public synchronized SparkplugStats stats(long rebirthRequests, long connects) {
        Map<Anomaly, Long> counts = new EnumMap<>(Anomaly.class);
        anomalies.forEach((a, n) -> counts.put(a, n.sum()));
        return new SparkplugStats(messages.sum(), samples.sum(), rebirthRequests, connects, counts);
    }

    private Optional<RebirthRequest> dispatch(SparkplugTopic t, SparkplugPayload p, Instant now) {
        String nodeKey = t.group() + "/" + t.edgeNode();
        EdgeNodeSession s = nodes.get(nodeKey);
        if (s == null) {
            if (nodes.size() >= limits.maxEdgeNodes()) {
                return count(Anomaly.TOO_MANY_ENTITIES);
            }
            s = new EdgeNodeSession(t.group(), t.edgeNode());
            nodes.put(nodeKey, s);
        }
        if (t.type() != MessageType.NDEATH) { // a will's timestamp is that of its connect
            long ts = p.timestamp().orElse(-1);
            if (ts >= 0 && ts <= MAX_MILLIS) {
                s.clockOffsetMillis = ts - now.toEpochMilli();
            }
        }
        return switch (t.type()) {
            case NBIRTH -> nodeBirth(s, p, now);
            case NDEATH -> nodeDeath(s, p, now);
            case DBIRTH, DDATA, DDEATH, NDATA -> sequenced(s, t, p, now);
            case NCMD, DCMD -> Optional.empty();
        };
    }

    private Optional<RebirthRequest> nodeBirth(EdgeNodeSession s, SparkplugPayload p, Instant now) {
        if (p.seq().isEmpty()) {
            return count(Anomaly.MISSING_SEQUENCE);
        }
        OptionalLong bdSeq = bdSeq(p);
        if (bdSeq.isEmpty()) {
            count(Anomaly.MISSING_BDSEQ);
        }
        definitions -= s.definitions();
        s.reborn(bdSeq, (int) p.seq().getAsLong());
        s.nodeMetrics = define(s, Optional.empty(), p, now);
        return Optional.empty();
    }

    private Optional<RebirthRequest> nodeDeath(EdgeNodeSession s, SparkplugPayload p, Instant now) {
        if (!s.born) {
            return Optional.empty(); // already dead, or never seen alive: nothing to report
        }
        OptionalLong bdSeq = bdSeq(p);
        if (s.bdSeq.isPresent()) {
            if (bdSeq.isEmpty()) {
                return count(Anomaly.MISSING_BDSEQ);
            }
            if (bdSeq.getAsLong() != s.bdSeq.getAsLong()) {
                return count(Anomaly.STALE_DEATH);
            }
        }
        s.tables().forEach(table -> bad(table, Quality.BAD_COMM, s.onNodeClock(now)));
        definitions -= s.definitions();
        s.died();
        return Optional.empty();
    }

    private Optional<RebirthRequest> sequenced(EdgeNodeSession s, SparkplugTopic t, SparkplugPayload p, Instant now) {
        if (!s.born) {
            count(Anomaly.DATA_BEFORE_BIRTH);
            return rebirth(s, now);
        }
        if (s.awaitingRebirth) {
            return rebirth(s, now);
        }
        OptionalLong seq = p.seq();
        if (seq.isEmpty() || seq.getAsLong() != s.nextSeq) {
            count(seq.isEmpty() ? Anomaly.MISSING_SEQUENCE : Anomaly.SEQUENCE_GAP);
            if (rebirthOnGap) {
                s.awaitingRebirth = true;
                s.tables().forEach(table -> stale(table, s.onNodeClock(now)));
                return rebirth(s, now);
            }
        }
        if (seq.isPresent()) {
            s.nextSeq = (int) ((seq.getAsLong() + 1) & 0xFF);
        }
        return switch (t.type()) {
            case NDATA -> data(s.nodeMetrics, p, now);
            case DBIRTH -> deviceBirth(s, t.device().orElseThrow(), p, now);
            case DDATA -> deviceData(s, t.device().orElseThrow(), p, now);
            case DDEATH -> deviceDeath(s, t.device().orElseThrow(), now);
            case NBIRTH, NDEATH, NCMD, DCMD -> Optional.empty();
        };
    }

    private Optional<RebirthRequest> deviceBirth(EdgeNodeSession s, String device, SparkplugPayload p, Instant now) {
        if (!s.devices.containsKey(device) && s.devices.size() >= limits.maxDevicesPerNode()) {
            return count(Anomaly.TOO_MANY_ENTITIES);
        }
        MetricTable old = s.devices.remove(device);
        if (old != null) {
            definitions -= old.size();
        }
        s.devices.put(device, define(s, Optional.of(device), p, now));
        return Optional.empty();
    }

    private Optional<RebirthRequest> deviceData(EdgeNodeSession s, String device, SparkplugPayload p, Instant now) {
        MetricTable table = s.devices.get(device);
        if (table == null) {
            count(Anomaly.DATA_BEFORE_BIRTH);
            return rebirth(s, now);
        }
        return data(table, p, now);
    }

    private Optional<RebirthRequest> deviceDeath(EdgeNodeSession s, String device, Instant now) {
        MetricTable table = s.devices.remove(device);
        if (table != null) {
            definitions -= table.size();
            bad(table, Quality.BAD_COMM, s.onNodeClock(now));
        }
        return Optional.empty();
    }

    /** The metrics a birth defines, each bound to its tag, with their first values reported. */
    private MetricTable define(EdgeNodeSession s, Optional<String> device, SparkplugPayload p, Instant now) {
        MetricTable table = new MetricTable();
        long room = Math.min(limits.maxMetricsPerNode() - s.definitions(), limits.maxMetricsTotal() - definitions);
        for (SparkplugMetric m : p.metrics()) {
            if (m.name().isEmpty() || m.name().get().isEmpty()) {
                count(Anomaly.UNKNOWN_METRIC);
                continue;
            }
            String name = m.name().get();
            if (name.length() > limits.maxNameLength()) {
                count(Anomaly.NAME_TOO_LONG);
                continue;
            }
            if (room-- <= 0) {
                count(Anomaly.TOO_MANY_ENTITIES);
                continue;
            }
            Optional<SparkplugDataType> type = m.datatype().isPresent()
                    ? SparkplugDataType.fromCode(m.datatype().getAsInt())
                    : Optional.empty();
            if (type.isEmpty()) {
                count(Anomaly.UNKNOWN_DATATYPE);
            } else if (!type.get().isMapped()) {
                count(Anomaly.UNSUPPORTED_DATATYPE);
            }
            MetricKey key = new MetricKey(s.group, s.edgeNode, device, name);
            Optional<TagReporter> reporter =
                    type.filter(SparkplugDataType::isMapped).flatMap(x -> reporter(key));
            Scaling scaling = Optional.ofNullable(explicit.get(key))
                    .map(SparkplugTagConfig::scaling)
                    .orElse(Scaling.IDENTITY);
            MetricTable.Binding b = new MetricTable.Binding(name, type, reporter, scaling);
            int before = table.size();
            table.define(b, m.alias());
            definitions += table.size() - before;
            report(b, m, p, now);
        }
        return table;
    }

    private Optional<RebirthRequest> data(MetricTable table, SparkplugPayload p, Instant now) {
        for (SparkplugMetric m : p.metrics()) {
            Optional<MetricTable.Binding> b = table.resolve(m);
            if (b.isEmpty()) {
                count(Anomaly.UNKNOWN_METRIC);
                continue;
            }
            report(b.get(), m, p, now);
        }
        return Optional.empty();
    }

    private void report(MetricTable.Binding b, SparkplugMetric m, SparkplugPayload p, Instant now) {
        if (b.reporter().isEmpty() || b.type().isEmpty()) {
            return;
        }
        TagReporter r = b.reporter().get();
        Instant time = time(m.timestamp(), p.timestamp(), now);
        if (m.isNull()) {
            r.bad(Quality.BAD_DEVICE, time, sink);
            return;
        }
        Optional<Value> v = b.type().get().toValue(m.value(), limits.maxTextLength());
        if (v.isEmpty()) {
            count(Anomaly.VALUE_MISMATCH);
            return;
        }
        r.good(scale(v.get(), b.scaling()), time, 0L, sink);
    }

    /** Numbers scaled as configured; a scaled integer becomes a real, booleans and text stay as they are. */
    private static Value scale(Value v, Scaling scaling) {
        if (scaling.isIdentity()) {
            return v;
        }
        return switch (v) {
            case Value.Int i -> Value.of(scaling.apply(i.value()));
            case Value.Real r -> Value.of(scaling.apply(r.value()));
            case Value.Bool b -> b;
            case Value.Text t -> t;
        };
    }

    private Optional<TagReporter> reporter(MetricKey key) {
        TagReporter r = reporters.get(key);
        if (r != null) {
            return Optional.of(r);
        }
        SparkplugTagConfig tag = explicit.get(key);
        Optional<TagPath> path = tag != null
                ? Optional.of(tag.path())
                : rule.filter(x -> config.accepts(key)).flatMap(x -> x.derive(key));
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (reporters.size() >= limits.maxMetricsTotal()) {
            count(Anomaly.TOO_MANY_ENTITIES);
            return Optional.empty();
        }
        MetricKey owner = owners.putIfAbsent(path.get(), key);
        if (owner != null && !owner.equals(key)) {
            count(Anomaly.PATH_COLLISION);
            return Optional.empty();
        }
        r = new TagReporter(path.get(), tag == null ? Deadband.NONE : tag.deadband(), 0L);
        reporters.put(key, r);
        return Optional.of(r);
    }

    private Optional<RebirthRequest> rebirth(EdgeNodeSession s, Instant now) {
        if (s.lastRebirthRequest != null && now.isBefore(s.lastRebirthRequest.plus(rebirthInterval))) {
            return Optional.empty();
        }
        s.lastRebirthRequest = now;
        return Optional.of(new RebirthRequest(s.group, s.edgeNode));
    }

    private void bad(MetricTable table, Quality q, Instant now) {
        for (MetricTable.Binding b : table.bindings()) {
            b.reporter().ifPresent(r -> r.bad(q, now, sink));
        }
    }

    private void stale(MetricTable table, Instant now) {
        for (MetricTable.Binding b : table.bindings()) {
            b.reporter().ifPresent(r -> r.stale(now, sink));
        }
    }

    private static OptionalLong bdSeq(SparkplugPayload p) {
        for (SparkplugMetric m : p.metrics()) {
            if (m.name().filter("bdSeq"::equals).isPresent()) {
                return switch (m.value()) {
                    case MetricValue.LongBits(long v) -> OptionalLong.of(v);
                    case MetricValue.IntBits(int v) -> OptionalLong.of(Integer.toUnsignedLong(v));
                    case MetricValue.FloatValue f -> OptionalLong.empty();
                    case MetricValue.DoubleValue d -> OptionalLong.empty();
                    case MetricValue.BoolValue b -> OptionalLong.empty();
                    case MetricValue.StringValue str -> OptionalLong.empty();
                    case MetricValue.Unsupported u -> OptionalLong.empty();
                    case MetricValue.Absent a -> OptionalLong.empty();
                };
            }
        }
        return OptionalLong.empty();
    }

    private static Instant time(OptionalLong metric, OptionalLong payload, Instant now) {
        OptionalLong t = metric.isPresent() ? metric : payload;
        if (t.isEmpty() || t.getAsLong() < 0 || t.getAsLong() > MAX_MILLIS) {
            return now;
        }
        return Instant.ofEpochMilli(t.getAsLong());
    }

    private Optional<RebirthRequest> count(Anomaly a) {
        anomalies.get(a).increment();
        return Optional.empty();
    }
}
