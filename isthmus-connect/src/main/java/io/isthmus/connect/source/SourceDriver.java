package io.isthmus.connect.source;

import io.isthmus.connect.modbus.ModbusSource;
import io.isthmus.connect.modbus.SourceStats;
import io.isthmus.connect.opcua.OpcUaSource;
import io.isthmus.connect.opcua.OpcUaSourceStats;
import io.isthmus.connect.poll.ConnectionState;
import io.isthmus.connect.poll.SampleSink;
import io.isthmus.connect.sparkplug.SparkplugSource;
import io.isthmus.connect.sparkplug.SparkplugStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A started driver of any kind, seen the same way by its owner: its connection state, its
 * counters, and {@link #close()}. Every driver delivers to a {@link SampleSink} and reports each
 * state transition to a listener, so the edge wires them all alike.
 */
public final class SourceDriver implements AutoCloseable {
    private final SourceDefinition definition;
    private final Running running;

    /** The protocol driver behind one definition. */
    private sealed interface Running {
        record Modbus(ModbusSource source) implements Running {}

        record OpcUa(OpcUaSource source) implements Running {}

        record Sparkplug(SparkplugSource source) implements Running {}
    }

    private SourceDriver(SourceDefinition definition, Running running) {
        this.definition = definition;
        this.running = running;
    }

    /** Creates the driver for {@code definition} and starts it connecting in the background. */
    public static SourceDriver start(SourceDefinition definition, SampleSink sink, Consumer<ConnectionState> states) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(states, "states");
        Running r = switch (definition) {
            case SourceDefinition.Modbus m -> {
                ModbusSource s = ModbusSource.create(m.source(), m.tags(), sink, states);
                s.start();
                yield new Running.Modbus(s);
            }
            case SourceDefinition.OpcUa o -> {
                OpcUaSource s = OpcUaSource.create(o.source(), o.tags(), sink, states);
                s.start();
                yield new Running.OpcUa(s);
            }
            case SourceDefinition.Sparkplug p -> {
                SparkplugSource s = SparkplugSource.create(p.source(), p.tags(), sink, states);
                s.start();
                yield new Running.Sparkplug(s);
            }
        };
        return new SourceDriver(definition, r);
    }

    public SourceDefinition definition() {
        return definition;
    }

    public ConnectionState state() {
        return switch (running) {
            case Running.Modbus m -> m.source().state();
            case Running.OpcUa o -> o.source().state();
            case Running.Sparkplug p -> p.source().state();
        };
    }

    /**
     * The driver's counters since it started, by snake_case name (they become Prometheus metric
     * names): each protocol has its own, as its stats record documents.
     */
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        switch (running) {
            case Running.Modbus m -> {
                SourceStats s = m.source().stats();
                c.put("connects", s.connects());
                c.put("requests", s.requests());
                c.put("responses", s.responses());
                c.put("exception_responses", s.exceptionResponses());
                c.put("comm_errors", s.commErrors());
                c.put("tag_values", s.tagValues());
            }
            case Running.OpcUa o -> {
                OpcUaSourceStats s = o.source().stats();
                c.put("connects", s.connects());
                c.put("connect_failures", s.connectFailures());
                c.put("session_losses", s.sessionLosses());
                c.put("data_changes", s.dataChanges());
                c.put("rejected_items", s.rejectedItems());
                c.put("unconvertible_values", s.unconvertibleValues());
                c.put("sink_failures", s.sinkFailures());
            }
            case Running.Sparkplug p -> {
                SparkplugStats s = p.source().stats();
                c.put("connects", s.connects());
                c.put("messages", s.messages());
                c.put("samples", s.samples());
                c.put("rebirth_requests", s.rebirthRequests());
                c.put("anomalies", s.totalAnomalies());
                c.put("handler_errors", p.source().handlerErrors());
            }
        }
        return c;
    }

    @Override
    public void close() {
        switch (running) {
            case Running.Modbus m -> m.source().close();
            case Running.OpcUa o -> o.source().close();
            case Running.Sparkplug p -> p.source().close();
        }
    }
}
