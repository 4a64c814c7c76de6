package io.isthmus.access.firewall;

import io.isthmus.wire.modbus.ModbusLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One firewall instance: where it listens, the one PLC it protects, and how it refuses.
 *
 * @param listen the address clients connect to instead of the PLC
 * @param upstream the PLC
 * @param denyAction answer denied requests with an exception or drop them
 * @param exceptionCode the Modbus exception code of a denial (1 illegal function, 2 illegal data
 *     address, 4 server device failure, 11 gateway target device failed to respond, ...)
 * @param writeRate per-client limit on writes and control operations
 * @param connectTimeout for the connection to the PLC
 * @param idleTimeout a client connection without a request for this long is closed
 * @param responseTimeout how long the firewall waits for the PLC's answer to a forwarded request;
 *     without one by then the client connection is closed (the client would have timed out too, and
 *     a late answer could otherwise be paired with the next request)
 * @param maxConnections client connections at once; more are refused
 * @param limits the Modbus decoder's bounds
 */
public record FirewallConfig(
        InetSocketAddress listen,
        InetSocketAddress upstream,
        DenyAction denyAction,
        int exceptionCode,
        WriteRateLimit writeRate,
        Duration connectTimeout,
        Duration idleTimeout,
        Duration responseTimeout,
        int maxConnections,
        ModbusLimits limits) {

    public FirewallConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(denyAction, "denyAction");
        Objects.requireNonNull(writeRate, "writeRate");
        Objects.requireNonNull(limits, "limits");
        if (exceptionCode < 1 || exceptionCode > 255) {
            throw new IllegalArgumentException("the deny exception code must be 1..255, was " + exceptionCode);
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || idleTimeout.isNegative()
                || idleTimeout.isZero()
                || responseTimeout.isNegative()
                || responseTimeout.isZero()) {
            throw new IllegalArgumentException("firewall timeouts must be positive");
        }
        if (maxConnections < 1 || maxConnections > 10_000) {
            throw new IllegalArgumentException("maxConnections must be 1..10000, was " + maxConnections);
        }
    }

    /**
     * Exception code 1 (illegal function), no rate limit, 3 s connect, 5 min idle, 10 s for the PLC's
     * answer, 64 connections.
     */
    public static FirewallConfig of(InetSocketAddress listen, InetSocketAddress upstream) {
        return new FirewallConfig(
                listen,
                upstream,
                DenyAction.EXCEPTION,
                1,
                WriteRateLimit.UNLIMITED,
                Duration.ofSeconds(3),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                64,
                ModbusLimits.SPEC);
    }

    public FirewallConfig with(DenyAction action, int code) {
        return new FirewallConfig(
                listen,
                upstream,
                action,
                code,
                writeRate,
                connectTimeout,
                idleTimeout,
                responseTimeout,
                maxConnections,
                limits);
    }

    public FirewallConfig withWriteRate(WriteRateLimit rate) {
        return new FirewallConfig(
                listen,
                upstream,
                denyAction,
                exceptionCode,
                rate,
                connectTimeout,
                idleTimeout,
                responseTimeout,
                maxConnections,
                limits);
    }
}
