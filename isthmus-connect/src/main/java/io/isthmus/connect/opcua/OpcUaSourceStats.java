package io.isthmus.connect.opcua;

/**
 * Counters of one OPC UA source since it started.
 *
 * @param connects sessions opened and subscribed
 * @param connectFailures connect attempts that failed (no answer, security refused, no endpoint)
 * @param sessionLosses sessions lost after they were up (server gone, keep-alive or watchdog)
 * @param dataChanges data change notifications received
 * @param rejectedItems monitored items the server refused (e.g. Bad_NodeIdUnknown), per connect
 * @param unconvertibleValues notifications whose value is no scalar Isthmus can carry
 * @param sinkFailures notifications the sink threw on (dropped; the source carries on)
 */
public record OpcUaSourceStats(
        long connects,
        long connectFailures,
        long sessionLosses,
        long dataChanges,
        long rejectedItems,
        long unconvertibleValues,
        long sinkFailures) {}
