package io.isthmus.app.demo;

import io.isthmus.app.console.ConsoleServer;
import io.isthmus.app.console.TagJson;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.scenario.StepOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything {@code isthmus demo} runs in one process: the virtual factory, a poller reading its
 * PLCs over Modbus/TCP, and the console. Closing it stops all three, in reverse order.
 */
public final class DemoRuntime implements AutoCloseable {
    public static final Duration POLL_PERIOD = Duration.ofMillis(250);

    private final VirtualFactory factory;
    private final LatestValues values = new LatestValues();
    private final DemoPoller poller;
    private final ConsoleServer console;

    private DemoRuntime(VirtualFactory factory) {
        this.factory = factory;
        this.poller = new DemoPoller(factory.plcs(), factory.config().names(), values, POLL_PERIOD, Clock.systemUTC());
        this.console = new ConsoleServer(values, tags(factory), this::health);
    }

    public static DemoRuntime start(
            VirtualFactoryConfig config, InetSocketAddress http, Consumer<StepOutcome> scenarioLog) throws IOException {
        VirtualFactory factory = VirtualFactory.start(config, (remote, unit, request, response) -> {}, scenarioLog);
        DemoRuntime runtime = new DemoRuntime(factory);
        try {
            runtime.poller.start();
            runtime.console.start(http);
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public VirtualFactory factory() {
        return factory;
    }

    public LatestValues values() {
        return values;
    }

    public int httpPort() {
        return console.port();
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "ok");
        h.put("scenario", factory.config().scenario().name());
        h.put("simulatedTime", factory.line().now().toString());
        h.put("elapsedSeconds", factory.elapsed().toSeconds());
        h.put("speed", factory.config().speed());
        h.put("pollCycles", poller.cycles());
        List<Map<String, Object>> plcs = new ArrayList<>();
        for (PlcEndpoint p : factory.plcs()) {
            plcs.add(Map.of("device", p.device(), "cell", p.cell(), "endpoint", p.uri()));
        }
        h.put("plcs", plcs);
        h.put("opcua", factory.opcUaEndpoint());
        return h;
    }

    private static List<TagJson> tags(VirtualFactory factory) {
        List<TagJson> out = new ArrayList<>();
        for (PointSpec p : factory.processImage().points()) {
            String device = p.path().equipment();
            String source = factory.plcs().stream()
                    .filter(plc -> plc.device().equals(device))
                    .map(PlcEndpoint::uri)
                    .findFirst()
                    .orElse("");
            out.add(new TagJson(
                    p.path().toString(),
                    p.type().name().toLowerCase(Locale.ROOT),
                    p.unit(),
                    p.writable(),
                    p.description(),
                    source));
        }
        return out;
    }

    @Override
    public void close() {
        console.close();
        try {
            poller.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        factory.close();
    }
}
