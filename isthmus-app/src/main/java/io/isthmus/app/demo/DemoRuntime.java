package io.isthmus.app.demo;

import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.app.edge.Edge;
import io.isthmus.app.edge.EdgeConfig;
import io.isthmus.app.edge.EdgeSettings;
import io.isthmus.app.edge.EdgeStatus;
import io.isthmus.app.hub.Hub;
import io.isthmus.app.hub.HubSettings;
import io.isthmus.app.hub.ReceiverSettings;
import io.isthmus.app.sensor.SensorInput;
import io.isthmus.app.sensor.SensorRun;
import io.isthmus.app.sensor.SensorSettings;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.config.SourceConfig;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.connect.transfer.receive.ReceiverConfig;
import io.isthmus.connect.transfer.send.SenderConfig;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.policy.Policy;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.mirror.MirrorLimits;
import io.isthmus.sim.mirror.MirrorPort;
import io.isthmus.sim.scenario.StepOutcome;
import io.isthmus.store.HistorianConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything {@code isthmus demo} runs in one process: the virtual factory, an edge polling its
 * PLCs with the shipped tag configuration, and a hub with the historian and the console. Edge and
 * hub are the classes {@code isthmus edge} and {@code isthmus hub} run. The journal crosses over the
 * one-way transfer (UDP over loopback, erasure-coded, no acknowledgement), the path a data diode
 * allows, and only over it: no HTTP forwarding, so what the console shows is what came through the
 * diode path. Closing it stops the edge, the hub and the factory.
 */
public final class DemoRuntime implements AutoCloseable {
    public static final String SITE_ID = "demo-line1";
    /** Pacing of the demo's one-way link: far above the line's few kbit/s, far below loopback's limits. */
    static final long DEMO_RATE = 100_000_000L;

    static final String TAGS = "/io/isthmus/app/config/virtual-factory-edge.yaml";
    /** The factory's zones and conduits, the same file as config/zones.yaml. */
    static final String POLICY = "/io/isthmus/app/config/zones.yaml";
    /**
     * The sensor learns the line's normal traffic for this long of simulated time from the mirror
     * port's first frame (the factory's start); attack-demo's first attack comes at 30 s.
     */
    public static final Duration SENSOR_LEARNING = Duration.ofSeconds(25);

    private final VirtualFactory factory;
    private final Path dataDir;
    private Hub hub;
    private volatile Edge edge;
    private DemoGateway gateway;

    private DemoRuntime(VirtualFactory factory, Path dataDir) {
        this.factory = factory;
        this.dataDir = dataDir;
    }

    /** Starts the demo with its journal and historian in a new temporary directory. */
    public static DemoRuntime start(
            VirtualFactoryConfig config, InetSocketAddress http, Consumer<StepOutcome> scenarioLog) throws IOException {
        return start(config, http, scenarioLog, Optional.empty());
    }

    /** Starts the demo; {@code dataDir} keeps the journal and historian (a temporary one when empty). */
    public static DemoRuntime start(
            VirtualFactoryConfig config,
            InetSocketAddress http,
            Consumer<StepOutcome> scenarioLog,
            Optional<Path> dataDir)
            throws IOException {
        Path data = dataDir.isPresent()
                ? Files.createDirectories(dataDir.get())
                : Files.createTempDirectory("isthmus-demo-");
        // the clock starts once the edge polls, so the sensor learns the polling before attack-demo's
        // first attack and the scenario's times count from when the console is up
        VirtualFactory factory = VirtualFactory.startStopped(
                config, (remote, unit, request, response) -> {}, scenarioLog, Optional.of(MirrorLimits.DEFAULT));
        DemoRuntime runtime = new DemoRuntime(factory, data);
        try {
            ConnectConfig tags = tagsFor(factory);
            runtime.gateway = DemoGateway.create(data, tags);
            runtime.hub = Hub.start(
                    hubSettings(http, data, tags),
                    runtime::health,
                    Optional.of(mirrorSensor(factory, data)),
                    Optional.of(runtime.gateway.settings()));
            runtime.edge = Edge.start(new EdgeConfig(edgeSettings(data, runtime.receiverAddress()), tags));
            factory.startClock();
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /** The hub: historian in {@code data}, the console on {@code http}, a diode receiver on a free loopback port. */
    static HubSettings hubSettings(InetSocketAddress http, Path data, ConnectConfig tags) {
        return HubSettings.of(http, HistorianConfig.create(data.resolve("historian")), HubConfigYaml.describe(tags))
                .withReceiver(new ReceiverSettings(
                        SITE_ID, ReceiverConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))));
    }

    /** The edge: its journal in {@code data}, sent one way to the hub's receiver at {@code receiver}. */
    static EdgeSettings edgeSettings(Path data, InetSocketAddress receiver) {
        return new EdgeSettings(
                SITE_ID,
                JournalConfig.create(
                        data.resolve("journal"),
                        b -> b.maxTotalBytes(256L << 20).maxSegmentBytes(16L << 20)),
                Optional.empty(),
                Optional.of(SenderConfig.create(receiver, b -> b.rateBitsPerSecond(DEMO_RATE))),
                Optional.empty());
    }

    /** Where the hub's one-way receiver listens. */
    public InetSocketAddress receiverAddress() {
        return hub.receiverAddress().orElseThrow();
    }

    /**
     * The hub's sensor on the factory's mirror port (there is no switch to SPAN on loopback), with
     * the factory's policy, a learning window, and its inventory kept in the data directory.
     */
    static SensorRun mirrorSensor(VirtualFactory factory, Path data) throws IOException {
        MirrorPort mirror = factory.mirror().orElseThrow();
        SensorSettings settings = new SensorSettings(
                "mirror port of the virtual factory",
                Optional.of(sensorPolicy()),
                new Detection.BaselineSource.Learn(SENSOR_LEARNING),
                Optional.of(data.resolve("inventory.json")),
                InventoryOverrides.NONE,
                SensorSettings.DEFAULT_FLOW_IDLE_TIMEOUT,
                SensorSettings.DEFAULT_REFRESH);
        return new SensorRun(settings, SensorInput.of("virtual factory mirror port", mirror::stream, mirror::dropped));
    }

    /**
     * The policy the demo's gateway enforces: the factory's plus the conduit from the IDMZ that the
     * gateway writes over. The gateway's writes leave from its own address (127.0.0.50), so the
     * sensor judges them by the same conduits as the gateway does, not as a violation.
     */
    static Policy sensorPolicy() throws IOException {
        try {
            return PolicyYaml.parseFile(
                            "gateway/policy.yaml", DemoGateway.policyText().getBytes(StandardCharsets.UTF_8))
                    .policy();
        } catch (PolicyYaml.PolicyFileException e) {
            throw new IllegalStateException("the demo's gateway policy does not load: " + e.problems(), e);
        }
    }

    /** The shipped policy of the factory (config/zones.yaml). */
    static Policy factoryPolicy() throws IOException {
        try (InputStream in = DemoRuntime.class.getResourceAsStream(POLICY)) {
            return PolicyYaml.parse("zones.yaml", in.readAllBytes());
        } catch (PolicyYaml.PolicyFileException e) {
            throw new IllegalStateException("the shipped factory policy does not load: " + e.problems(), e);
        }
    }

    /** The shipped tag configuration of the line, pointed at the ports this factory listens on. */
    public static ConnectConfig tagsFor(VirtualFactory factory) throws IOException {
        ConnectConfig shipped;
        try (InputStream in = DemoRuntime.class.getResourceAsStream(TAGS)) {
            shipped = TagConfigYaml.parse("virtual-factory-edge.yaml", in.readAllBytes());
        } catch (TagConfigYaml.TagConfigException e) {
            throw new IllegalStateException("the shipped tag configuration does not load: " + e.getMessage(), e);
        }
        List<SourceConfig> sources = new ArrayList<>();
        for (SourceConfig s : shipped.sources()) {
            PlcEndpoint plc = factory.plcs().stream()
                    .filter(p -> p.device().equals(s.id()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PLC for source " + s.id()));
            sources.add(new SourceConfig(
                    s.id(),
                    s.kind(),
                    new HostPort(
                            plc.address().getAddress().getHostAddress(),
                            plc.address().getPort()),
                    s.unitId(),
                    s.connectTimeout(),
                    s.requestTimeout(),
                    s.budget(),
                    s.maxRegistersPerRequest(),
                    s.maxBitsPerRequest(),
                    s.maxGap(),
                    s.pollRate(),
                    s.staleAfterPeriods(),
                    s.backoff()));
        }
        return new ConnectConfig(sources, shipped.tags());
    }

    /** The demo's gateway users (operator, approver) with the passwords and TOTP secrets to print. */
    public List<DemoGateway.DemoUser> gatewayUsers() {
        return gateway.users();
    }

    /** The gateway's user file (for {@code isthmus gateway code NAME --users FILE}). */
    public Path gatewayUsersFile() {
        return gateway.settings().users();
    }

    /** The gateway's audit log directory (for {@code isthmus audit verify DIR}). */
    public Path auditDir() {
        return gateway.settings().audit();
    }

    public VirtualFactory factory() {
        return factory;
    }

    public Hub hub() {
        return hub;
    }

    public Edge edge() {
        return edge;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int httpPort() {
        return hub.port();
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("scenario", factory.config().scenario().name());
        h.put("simulatedTime", factory.line().now().toString());
        h.put("elapsedSeconds", factory.elapsed().toSeconds());
        h.put("speed", factory.config().speed());
        List<Map<String, Object>> plcs = new ArrayList<>();
        for (PlcEndpoint p : factory.plcs()) {
            plcs.add(Map.of("device", p.device(), "cell", p.cell(), "endpoint", p.uri()));
        }
        h.put("plcs", plcs);
        h.put("opcua", factory.opcUaEndpoint());
        h.put("dataDir", dataDir.toString());
        Edge e = edge;
        if (e != null) {
            h.put("edge", e.status());
        }
        return h;
    }

    /** A one-line summary of the edge for the demo's console output. */
    public String edgeSummary() {
        EdgeStatus s = edge.status();
        var t = s.transfer();
        return "edge " + s.siteId() + ": " + s.samplesJournaled() + " samples journaled, one-way sender " + t.state()
                + ", sent through record " + t.lastRecord() + " in epoch " + t.epoch();
    }

    @Override
    public void close() {
        if (edge != null) {
            edge.close();
        }
        if (hub != null) {
            hub.close();
        }
        factory.close();
    }
}
