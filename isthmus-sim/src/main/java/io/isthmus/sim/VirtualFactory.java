package io.isthmus.sim;

import io.isthmus.sim.mirror.MirrorLimits;
import io.isthmus.sim.mirror.MirrorPort;
import io.isthmus.sim.modbus.ModbusServerBindException;
import io.isthmus.sim.modbus.ModbusServerConfig;
import io.isthmus.sim.modbus.ModbusServerListener;
import io.isthmus.sim.modbus.ModbusTcpServer;
import io.isthmus.sim.opcua.OpcUaLineServer;
import io.isthmus.sim.opcua.OpcUaServerSettings;
import io.isthmus.sim.opcua.OpcUaServerStartException;
import io.isthmus.sim.plc.PlcMap;
import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.sim.process.BottlingLine;
import io.isthmus.sim.process.LineNames;
import io.isthmus.sim.process.LineProcessImage;
import io.isthmus.sim.process.MachineKind;
import io.isthmus.sim.scenario.ScenarioRunner;
import io.isthmus.sim.scenario.StepOutcome;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The virtual factory: the bottling line's process model, one Modbus/TCP server per PLC, one
 * OPC UA server for the whole line, and a scenario player, all on loopback.
 */
public final class VirtualFactory implements AutoCloseable {
    /** The firmware revision the virtual PLCs report in their device identification. */
    public static final String VERSION = "1.0";

    private static final long CLOCK_WAKEUP_MS = 10;
    /** Upper bound of ticks done in one wake-up, so a stalled machine catches up gradually. */
    private static final int MAX_CATCH_UP_TICKS = 20_000;

    private final VirtualFactoryConfig config;
    private final BottlingLine line;
    private final LineProcessImage processImage;
    private final List<ModbusTcpServer> modbusServers = new ArrayList<>();
    private final List<PlcEndpoint> plcs = new ArrayList<>();
    private final java.util.Map<String, ModbusTcpServer> serverByDevice =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, RegisterImage> imageByDevice = new java.util.concurrent.ConcurrentHashMap<>();
    private ModbusServerListener modbusListener;
    private final ScenarioRunner scenario;
    private OpcUaLineServer opcUa;
    private final Optional<MirrorPort> mirror;
    private final Instant simulatedStart;
    private volatile long clockStartNanos = -1;
    private Thread clock;
    private volatile boolean running;

    private VirtualFactory(
            VirtualFactoryConfig config, Consumer<StepOutcome> scenarioLog, Optional<MirrorLimits> mirrorLimits) {
        this.config = config;
        this.line = new BottlingLine(config.seed(), config.startTime().orElseGet(Instant::now));
        this.simulatedStart = line.now();
        this.mirror = mirrorLimits.map(l -> MirrorPort.create(l, this::simulatedNow));
        this.processImage = new LineProcessImage(line, config.names());
        this.scenario = new ScenarioRunner(
                config.scenario(),
                line,
                new ModbusScenarioActor(
                        this::plcAddresses,
                        this::endpointOf,
                        () -> plcs.stream().map(PlcEndpoint::address).toList(),
                        mirror),
                scenarioLog);
    }

    /**
     * Starts everything; on any failure (a busy port, say) stops what had started and rethrows,
     * naming the port.
     */
    public static VirtualFactory start(
            VirtualFactoryConfig config, ModbusServerListener modbusListener, Consumer<StepOutcome> scenarioLog)
            throws IOException {
        return start(config, modbusListener, scenarioLog, Optional.empty());
    }

    /**
     * As {@link #start(VirtualFactoryConfig, ModbusServerListener, Consumer)}, with a {@link
     * #mirror() mirror port} when {@code mirror} is present: the PLCs' Modbus/TCP conversations
     * and the scenario actors' connection attempts as a pcap stream, stamped with the simulated
     * clock. It starts with a gratuitous ARP for the PLCs' address at simulated time zero.
     */
    public static VirtualFactory start(
            VirtualFactoryConfig config,
            ModbusServerListener modbusListener,
            Consumer<StepOutcome> scenarioLog,
            Optional<MirrorLimits> mirror)
            throws IOException {
        VirtualFactory f = startStopped(config, modbusListener, scenarioLog, mirror);
        f.startClock();
        return f;
    }

    /**
     * As {@link #start(VirtualFactoryConfig, ModbusServerListener, Consumer, Optional)}, but the
     * simulated clock (the process and the scenario) stands still until {@link #startClock()}: the
     * servers answer, so whoever polls them can start first and the scenario's times count from
     * when everything is up (the demo starts its edge and hub in between).
     */
    public static VirtualFactory startStopped(
            VirtualFactoryConfig config,
            ModbusServerListener modbusListener,
            Consumer<StepOutcome> scenarioLog,
            Optional<MirrorLimits> mirror)
            throws IOException {
        VirtualFactory f = new VirtualFactory(config, scenarioLog, mirror);
        try {
            f.startServers(modbusListener);
            return f;
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private void startServers(ModbusServerListener listener) throws IOException {
        this.modbusListener = listener;
        int i = 0;
        for (MachineKind kind : MachineKind.values()) {
            startPlc(kind.id(), kind.cell(), line.map(kind), line.image(kind), i, listener);
            i++;
        }
        startPlc("meter", LineNames.UTILITIES_CELL, line.meterMap(), line.meterImage(), i, listener);
        try {
            opcUa = OpcUaLineServer.start(
                    OpcUaServerSettings.create(b -> {
                        b.bindAddress(config.bindAddress());
                        b.port(config.opcUaPort());
                        b.pkiDir(config.pkiDir());
                    }),
                    processImage);
        } catch (OpcUaServerStartException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            throw new PortInUseException(
                    PortInUseException.Service.OPC_UA,
                    "the OPC UA server",
                    new InetSocketAddress(config.bindAddress(), config.opcUaPort()),
                    e);
        }
    }

    private int portFor(int index) {
        return config.modbusBasePort() == 0 ? 0 : config.modbusBasePort() + index;
    }

    private void startPlc(
            String device, String cell, PlcMap map, RegisterImage image, int index, ModbusServerListener listener)
            throws IOException {
        int port = portFor(index);
        InetAddress address = config.plcAddress(index);
        ModbusTcpServer server = new ModbusTcpServer(
                ModbusServerConfig.create(b -> b.bindAddress(address).port(port).machine(device, VERSION)),
                image,
                listener,
                mirror);
        modbusServers.add(server);
        serverByDevice.put(device, server);
        imageByDevice.put(device, image);
        try {
            server.start();
        } catch (ModbusServerBindException e) {
            throw bindFailure(device, new InetSocketAddress(address, port), e);
        }
        plcs.add(new PlcEndpoint(device, cell, new InetSocketAddress(address, server.port()), 1, map));
    }

    /**
     * A busy port, or (when the PLCs have addresses of their own) an address this system's loopback
     * does not answer: Linux routes all of 127/8 to loopback, macOS only 127.0.0.1. The JDK tells
     * them apart only by the message of the {@link BindException} ("Address already in use").
     */
    private BindException bindFailure(String device, InetSocketAddress address, ModbusServerBindException e) {
        return bindFailure(device, address, e, config.plcAddresses());
    }

    static BindException bindFailure(String device, InetSocketAddress address, IOException e, PlcAddresses addressing) {
        String what = "the " + device + " PLC's Modbus/TCP server";
        String reason = e.getCause() == null ? null : e.getCause().getMessage();
        boolean inUse =
                reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("in use");
        if (!inUse && addressing instanceof PlcAddresses.OnePerPlc) {
            return new PlcAddressUnavailableException(what, address, e.getCause() == null ? e : e.getCause());
        }
        return new PortInUseException(PortInUseException.Service.MODBUS, what, address, e);
    }

    /** The distinct addresses the PLCs listen on, in line order. */
    private List<InetAddress> plcAddresses() {
        return plcs.stream().map(p -> p.address().getAddress()).distinct().toList();
    }

    /**
     * Starts the simulated clock; the mirror port announces the PLCs' addresses (gratuitous ARPs) at
     * simulated time zero. Idempotent.
     */
    public synchronized void startClock() {
        if (clock != null) {
            return;
        }
        mirror.ifPresent(m -> plcAddresses().forEach(m::announce));
        running = true;
        clock = Thread.ofPlatform().daemon().name("isthmus-sim-clock").start(this::runClock);
    }

    private void runClock() {
        long startNanos = System.nanoTime();
        clockStartNanos = startNanos;
        long done = 0;
        double tickNanos = BottlingLine.TICK.toNanos() / config.speed();
        while (running) {
            long due = (long) ((System.nanoTime() - startNanos) / tickNanos);
            for (int n = 0; done < due && n < MAX_CATCH_UP_TICKS; n++, done++) {
                line.tick();
                scenario.advance(line.elapsed());
            }
            try {
                Thread.sleep(CLOCK_WAKEUP_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private PlcEndpoint endpointOf(String device) {
        return plcs.stream()
                .filter(p -> p.device().equals(device))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no PLC named " + device));
    }

    /**
     * Takes one PLC off the network, as a pulled cable or a power cycle would: its Modbus/TCP
     * server stops listening and drops its connections. The process keeps running, so values move
     * on while the PLC is away. For fault tests; {@link #restartPlc} brings it back on the same port.
     */
    public synchronized void stopPlc(String device) {
        ModbusTcpServer server = serverByDevice.get(endpointOf(device).device());
        server.close();
    }

    /** Starts a stopped PLC's Modbus/TCP server again, on the port it had, with the same registers. */
    public synchronized void restartPlc(String device) throws IOException {
        PlcEndpoint plc = endpointOf(device);
        ModbusTcpServer old = serverByDevice.get(device);
        old.close();
        ModbusServerConfig c = old.config();
        ModbusTcpServer server = new ModbusTcpServer(
                new ModbusServerConfig(
                        c.bindAddress(),
                        plc.address().getPort(),
                        c.unitId(),
                        c.idleTimeout(),
                        c.maxConnections(),
                        c.limits(),
                        c.identity()),
                imageByDevice.get(device),
                modbusListener,
                mirror);
        modbusServers.add(server);
        serverByDevice.put(device, server);
        try {
            server.start();
        } catch (ModbusServerBindException e) {
            throw bindFailure(device, plc.address(), e);
        }
    }

    public VirtualFactoryConfig config() {
        return config;
    }

    public BottlingLine line() {
        return line;
    }

    public LineProcessImage processImage() {
        return processImage;
    }

    /** The PLCs in line order, the meter last. */
    public List<PlcEndpoint> plcs() {
        return List.copyOf(plcs);
    }

    public String opcUaEndpoint() {
        return opcUa.endpointUrl();
    }

    /**
     * The simulated time now, between the line's ticks: its start plus the wall time since the
     * clock started times the speed. Never goes backwards; stands still before the clock starts.
     */
    public Instant simulatedNow() {
        long start = clockStartNanos;
        if (start < 0) {
            return simulatedStart;
        }
        return simulatedStart.plusNanos((long) ((System.nanoTime() - start) * config.speed()));
    }

    /** The mirror port, when the factory was started with one. */
    public Optional<MirrorPort> mirror() {
        return mirror;
    }

    /** How long the simulated clock has run. */
    public Duration elapsed() {
        return line.elapsed();
    }

    @Override
    public void close() {
        running = false;
        if (clock != null) {
            clock.interrupt();
            try {
                clock.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            scenario.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ModbusTcpServer s : modbusServers) {
            s.close();
        }
        if (opcUa != null) {
            opcUa.close();
        }
        mirror.ifPresent(MirrorPort::close);
    }
}
