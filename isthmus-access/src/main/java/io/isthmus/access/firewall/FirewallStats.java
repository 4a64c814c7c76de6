package io.isthmus.access.firewall;

/**
 * Counters since start.
 *
 * @param forwarded requests passed to the PLC
 * @param denied requests refused (answered with an exception or dropped)
 * @param malformedFrames client byte streams that were not Modbus/TCP; their connections were closed
 * @param connections client connections accepted
 * @param refusedConnections client connections refused (too many, or the PLC unreachable)
 */
public record FirewallStats(
        long forwarded, long denied, long malformedFrames, long connections, long refusedConnections) {}
