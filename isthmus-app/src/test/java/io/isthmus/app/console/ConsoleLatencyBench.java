package io.isthmus.app.console;

import io.isthmus.app.demo.DemoRuntime;
import io.isthmus.sim.PlcEndpoint;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.modbus.ModbusTcpClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: a benchmark main ({@code bench/console-latency.sh}). Against a real demo in Debian's
 * chromium it measures (1) how long the overview takes to be ready (navigation start to the first
 * render with live values and every tile filled, {@code window.isthmusOverviewReady}) and (2) the
 * latency from writing the conveyor's speed setpoint over Modbus/TCP to the new value appearing in
 * the page's DOM, seen by a MutationObserver stamping {@code performance.timeOrigin +
 * performance.now()} (same host clock as the writer's {@code System.currentTimeMillis()}). The path
 * includes the edge's 1 s poll, its forward to the hub, the hub's ingest and the SSE push.
 *
 * <p>It also breaks both down. For the overview: every resource the page loaded (modules, API calls)
 * from the browser's resource timing, median start and end per resource over the loads. For a value
 * change: write → poll (the sample's source time, stamped by the edge when it read the PLC) → the
 * browser receives it on the event stream (a listener on js/live.js) → the DOM shows it.
 *
 * <p>Arguments: {@code [changes=40] [loads=10]}.
 */
public final class ConsoleLatencyBench {
    private ConsoleLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int opcUaPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = s.getLocalPort();
        }
        Path pki = Files.createTempDirectory("isthmus-bench-pki-");
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.pkiDir = pki;
        });
        try (DemoRuntime demo = DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {});
                Browser browser = Browser.start()) {
            String base = "http://127.0.0.1:" + demo.httpPort() + "/";
            var driver = browser.driver;
            var wait = new WebDriverWait(driver, Duration.ofSeconds(120)); // the shared machine can be very loaded
            // warm-up: let the edge deliver a first batch, and the JIT see the paths once
            driver.get(base);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(120))
                        .until(d -> d.findElement(By.cssSelector("#machine-conveyor [data-field='speedSetpoint']"))
                                .getText()
                                .contains("bottles/min"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new IllegalStateException(
                        "the overview never showed the conveyor's setpoint; the page reads: "
                                + driver.findElement(By.tagName("body")).getText(),
                        e);
            }

            List<Double> ready = new ArrayList<>();
            Map<String, List<double[]>> resources = new TreeMap<>();
            for (int i = 0; i < loads; i++) {
                driver.get("about:blank");
                driver.get(base);
                wait.until(d -> d.findElements(By.cssSelector("body[data-overview-ready]"))
                                .size()
                        == 1);
                ready.add(((Number) driver.executeScript("return window.isthmusOverviewReady")).doubleValue());
                record(resources, driver.executeScript(RESOURCES));
                System.err.printf("load %d: overview ready after %.0f ms%n", i + 1, ready.get(i));
            }
            System.out.printf("overview resources (ms from navigation start, median over %d loads):%n", loads);
            resources.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> median(e.getValue(), 1)))
                    .forEach(e -> System.out.printf(
                            "  %-40s start %6.0f  end %6.0f  (%d loads)%n",
                            e.getKey(),
                            median(e.getValue(), 0),
                            median(e.getValue(), 1),
                            e.getValue().size()));
            System.out.printf("overview ready (ms, %d loads): %s%n", loads, stats(ready));
            driver.executeScript("""
                    window.__changes = [];
                    const el = document.querySelector("#machine-conveyor [data-field='speedSetpoint']");
                    new MutationObserver(() => window.__changes.push(
                      { text: el.textContent, t: performance.timeOrigin + performance.now() }))
                      .observe(el, { childList: true, characterData: true, subtree: true });
                    window.__received = [];
                    import("/js/live.js").then((live) => live.on("samples", (samples) => {
                      const t = performance.timeOrigin + performance.now();
                      for (const s of samples) {
                        if (s.path.endsWith("/conveyor/speedSetpoint")) window.__received.push({ value: s.value, ts: s.ts, t });
                      }
                    }));
                    """);
            PlcEndpoint conveyor = demo.factory().plcs().stream()
                    .filter(p -> p.device().equals("conveyor"))
                    .findFirst()
                    .orElseThrow();
            List<Double> latency = new ArrayList<>();
            List<Double> toPoll = new ArrayList<>();
            List<Double> pollToBrowser = new ArrayList<>();
            List<Double> browserToDom = new ArrayList<>();
            Random random = new Random(1);
            int missed = 0;
            // a generous timeout: on a loaded shared machine the PLC's answer can take seconds
            try (ModbusTcpClient plc = ModbusTcpClient.connect(conveyor.address(), Duration.ofSeconds(15))) {
                for (int i = 0; i < changes; i++) {
                    int value = 400 + 5 * (i % 40) + (i >= 40 ? 1 : 0);
                    Thread.sleep(200 + random.nextInt(1000)); // de-phase from the 1 s poll
                    long t0 = System.currentTimeMillis();
                    plc.writeSingleRegister(1, 0, value);
                    String expected = value + " bottles/min";
                    Object seen = null;
                    long deadline = System.nanoTime() + MISSED.toNanos();
                    while (seen == null && System.nanoTime() < deadline) {
                        seen = driver.executeScript(
                                "const c = window.__changes.find(c => c.text === arguments[0]); return c ? c.t : null;",
                                expected);
                        if (seen == null) {
                            Thread.sleep(20);
                        }
                    }
                    if (seen == null) { // counted at the timeout, so the percentiles show it
                        missed++;
                        latency.add((double) MISSED.toMillis());
                        System.err.printf("change %d: %d not in the DOM within %s%n", i + 1, value, MISSED);
                        continue;
                    }
                    double dom = ((Number) seen).doubleValue();
                    latency.add(dom - t0);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> got = (Map<String, Object>) driver.executeScript(
                            "return window.__received.find(r => r.value === arguments[0]) ?? null;", value);
                    String stages = "";
                    if (got != null) {
                        double polled = Instant.parse((String) got.get("ts")).toEpochMilli();
                        double received = ((Number) got.get("t")).doubleValue();
                        toPoll.add(polled - t0);
                        pollToBrowser.add(received - polled);
                        browserToDom.add(dom - received);
                        stages = String.format(
                                " (write->poll %.0f, poll->browser %.0f, browser->DOM %.0f)",
                                polled - t0, received - polled, dom - received);
                    }
                    System.err.printf(
                            "change %d: %d in the DOM after %.0f ms%s%n", i + 1, value, latency.get(i), stages);
                }
            }
            System.out.printf(
                    "Modbus setpoint write -> DOM (ms, %d changes, %d not seen within %s and counted at it): %s%n",
                    changes, missed, MISSED, stats(latency));
            if (!toPoll.isEmpty()) {
                System.out.printf("  write -> edge poll (sample time): %s%n", stats(toPoll));
                System.out.printf(
                        "  edge poll -> browser (journal, transfer, ingest, SSE): %s%n", stats(pollToBrowser));
                System.out.printf("  browser receives -> DOM: %s%n", stats(browserToDom));
            }
        }
    }

    /** Path (and query) of every resource the page loaded, with its start and end since navigation start. */
    static final String RESOURCES = """
            return performance.getEntriesByType("resource").map((e) => {
              const u = new URL(e.name);
              return [u.pathname + u.search, e.startTime, e.responseEnd];
            });
            """;

    @SuppressWarnings("unchecked")
    static void record(Map<String, List<double[]>> resources, Object entries) {
        for (Object o : (List<Object>) entries) {
            List<Object> e = (List<Object>) o;
            resources
                    .computeIfAbsent((String) e.get(0), k -> new ArrayList<>())
                    .add(new double[] {((Number) e.get(1)).doubleValue(), ((Number) e.get(2)).doubleValue()});
        }
    }

    static double median(List<double[]> xs, int field) {
        List<Double> s = new ArrayList<>();
        xs.forEach(x -> s.add(x[field]));
        Collections.sort(s);
        return pct(s, 0.5);
    }

    /** A change not in the DOM by then counts as this latency. */
    static final Duration MISSED = Duration.ofSeconds(15);

    static String stats(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return String.format(
                "min %.0f, p50 %.0f, p95 %.0f, max %.0f", s.get(0), pct(s, 0.5), pct(s, 0.95), s.get(s.size() - 1));
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
