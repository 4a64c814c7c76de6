package io.isthmus.app.edge;

import java.util.Map;

/**
 * One source in the edge's status.
 *
 * @param kind modbus-tcp, modbus-rtu-over-tcp, opcua or sparkplug
 * @param endpoint where it connects to
 * @param state {@code starting}, {@code connecting (attempt n)}, {@code connected since T}, {@code
 *     retrying: <last error>} or {@code stopped}
 * @param counters the driver's counters by snake_case name (see {@code connect.source.SourceDriver})
 */
public record SourceStatus(String kind, String endpoint, String state, Map<String, Long> counters) {
    public SourceStatus {
        counters = Map.copyOf(counters);
    }
}
