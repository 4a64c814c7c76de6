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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
            for (int i = 0; i < loads; i++) {
                driver.get("about:blank");
                driver.get(base);
                wait.until(d -> d.findElements(By.cssSelector("body[data-overview-ready]"))
                                .size()
                        == 1);
                ready.add(((Number) driver.executeScript("return window.isthmusOverviewReady")).doubleValue());
                System.err.printf("load %d: overview ready after %.0f ms%n", i + 1, ready.get(i));
            }
            driver.executeScript("""
                    window.__changes = [];
                    const el = document.querySelector("#machine-conveyor [data-field='speedSetpoint']");
                    new MutationObserver(() => window.__changes.push(
                      { text: el.textContent, t: performance.timeOrigin + performance.now() }))
                      .observe(el, { childList: true, characterData: true, subtree: true });
                    """);
            PlcEndpoint conveyor = demo.factory().plcs().stream()
                    .filter(p -> p.device().equals("conveyor"))
                    .findFirst()
                    .orElseThrow();
            List<Double> latency = new ArrayList<>();
            Random random = new Random(1);
            try (ModbusTcpClient plc = ModbusTcpClient.connect(conveyor.address(), Duration.ofSeconds(3))) {
                for (int i = 0; i < changes; i++) {
                    int value = 400 + 5 * (i % 40) + (i >= 40 ? 1 : 0);
                    Thread.sleep(200 + random.nextInt(1000)); // de-phase from the 1 s poll
                    long t0 = System.currentTimeMillis();
                    plc.writeSingleRegister(1, 0, value);
                    String expected = value + " bottles/min";
                    Object seen = null;
                    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                    while (seen == null && System.nanoTime() < deadline) {
                        seen = driver.executeScript(
                                "const c = window.__changes.find(c => c.text === arguments[0]); return c ? c.t : null;",
                                expected);
                        if (seen == null) {
                            Thread.sleep(20);
                        }
                    }
                    if (seen == null) {
                        throw new IllegalStateException("setpoint " + value + " never appeared in the page");
                    }
                    latency.add(((Number) seen).doubleValue() - t0);
                    System.err.printf("change %d: %d in the DOM after %.0f ms%n", i + 1, value, latency.get(i));
                }
            }
            System.out.printf("overview ready (ms, %d loads): %s%n", loads, stats(ready));
            System.out.printf("Modbus setpoint write -> DOM (ms, %d changes): %s%n", changes, stats(latency));
        }
    }

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
