package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.ModbusLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How one simulated PLC serves Modbus/TCP.
 *
 * @param bindAddress where to listen; loopback by default so a demo never exposes a fake PLC
 * @param port TCP port; 0 picks a free one (tests); 502 is the registered Modbus port
 * @param unitId the unit identifier this PLC answers besides 255 (1..247, the serial-line address
 *     range; 0 is broadcast)
 * @param idleTimeout a connection with no bytes for this long is closed
 * @param maxConnections connections beyond this are closed as soon as they are accepted
 * @param limits frame and quantity limits applied to every request
 * @param identity what function 43/14 reports
 */
public record ModbusServerConfig(
        InetAddress bindAddress,
        int port,
        int unitId,
        Duration idleTimeout,
        int maxConnections,
        ModbusLimits limits,
        ModbusDeviceIdentity identity) {

    public static final int MODBUS_PORT = 502;

    public ModbusServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(identity, "identity");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unitId must be 1..247, was " + unitId);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idleTimeout must be positive and under 24 days, was " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /** A configuration from the defaults, changed by {@code configure}. */
    public static ModbusServerConfig create(Consumer<Builder> configure) {
        var builder = new Builder();
        configure.accept(builder);
        return builder.build();
    }

    /** Defaults: 127.0.0.1:502, unit 1, 60 s idle timeout, 16 connections, the specification's limits. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = MODBUS_PORT;
        private int unitId = 1;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private int maxConnections = 16;
        private ModbusLimits limits = ModbusLimits.SPEC;
        private ModbusDeviceIdentity identity = ModbusDeviceIdentity.forMachine("virtual-plc", "0.1");

        private Builder() {}

        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder unitId(int unitId) {
            this.unitId = unitId;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder limits(ModbusLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder identity(ModbusDeviceIdentity identity) {
            this.identity = identity;
            return this;
        }

        /** Identifies the PLC as {@code machineName}, revision {@code version}. */
        public Builder machine(String machineName, String version) {
            return identity(ModbusDeviceIdentity.forMachine(machineName, version));
        }

        public ModbusServerConfig build() {
            return new ModbusServerConfig(bindAddress, port, unitId, idleTimeout, maxConnections, limits, identity);
        }
    }
}
