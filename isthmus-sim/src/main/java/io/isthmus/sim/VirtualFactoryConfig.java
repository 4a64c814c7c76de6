package io.isthmus.sim;

import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.scenario.Scenario;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to run the virtual factory. Ports: machine PLCs listen on {@code modbusBasePort},
 * {@code +1}, ... in line order, the meter after them; 0 means "any free port" (tests). Addresses:
 * each PLC on its own loopback address ({@link PlcAddresses}, by default 127.0.0.10 … .15), the
 * OPC UA server on {@code bindAddress}.
 *
 * @param speed simulated seconds per wall-clock second (1 = real time, 60 = an hour a minute)
 * @param startTime the simulated clock's origin; empty means "now"
 * @param pkiDir where the OPC UA server keeps its application certificate
 */
public record VirtualFactoryConfig(
        InetAddress bindAddress,
        int modbusBasePort,
        int opcUaPort,
        long seed,
        double speed,
        Scenario scenario,
        LineNames names,
        Optional<Instant> startTime,
        Path pkiDir,
        PlcAddresses plcAddresses) {

    public static final int DEFAULT_MODBUS_BASE_PORT = 5020;
    public static final int DEFAULT_OPC_UA_PORT = 4840;
    public static final double MAX_SPEED = 1000;

    public VirtualFactoryConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (!bindAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("the virtual factory serves only on loopback (127.0.0.0/8 or ::1), not "
                    + bindAddress.getHostAddress());
        }
        requirePort(modbusBasePort, "Modbus base port");
        if (modbusBasePort > 65535 - 8) {
            throw new IllegalArgumentException("Modbus base port must leave room for 6 PLCs, was " + modbusBasePort);
        }
        requirePort(opcUaPort, "OPC UA port");
        if (!(speed > 0) || speed > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be in (0, " + MAX_SPEED + "], was " + speed);
        }
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(plcAddresses, "plcAddresses");
    }

    /** The address the PLC at {@code index} (line order, meter last) listens on. */
    public InetAddress plcAddress(int index) {
        return plcAddresses.of(index, bindAddress);
    }

    public static VirtualFactoryConfig defaults() {
        return new VirtualFactoryConfig(
                InetAddress.getLoopbackAddress(),
                DEFAULT_MODBUS_BASE_PORT,
                DEFAULT_OPC_UA_PORT,
                1,
                1.0,
                Scenario.idle(),
                LineNames.DEFAULT,
                Optional.empty(),
                Path.of(System.getProperty("java.io.tmpdir"), "isthmus-pki"),
                PlcAddresses.defaults());
    }

    /** A copy with some fields changed: {@code defaults().with(b -> b.seed = 7)}. */
    public VirtualFactoryConfig with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Mutable twin of the record for {@link #with}. */
    public static final class Builder {
        public InetAddress bindAddress;
        public int modbusBasePort;
        public int opcUaPort;
        public long seed;
        public double speed;
        public Scenario scenario;
        public LineNames names;
        public Optional<Instant> startTime;
        public Path pkiDir;
        public PlcAddresses plcAddresses;

        private Builder(VirtualFactoryConfig c) {
            bindAddress = c.bindAddress;
            modbusBasePort = c.modbusBasePort;
            opcUaPort = c.opcUaPort;
            seed = c.seed;
            speed = c.speed;
            scenario = c.scenario;
            names = c.names;
            startTime = c.startTime;
            pkiDir = c.pkiDir;
            plcAddresses = c.plcAddresses;
        }

        private VirtualFactoryConfig build() {
            return new VirtualFactoryConfig(
                    bindAddress,
                    modbusBasePort,
                    opcUaPort,
                    seed,
                    speed,
                    scenario,
                    names,
                    startTime,
                    pkiDir,
                    plcAddresses);
        }
    }

    private static void requirePort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, was " + port);
        }
    }
}
