package io.isthmus.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.config.HubConfigYaml;
import io.isthmus.app.demo.DemoRuntime;
import io.isthmus.app.edge.Edge;
import io.isthmus.app.edge.EdgeConfig;
import io.isthmus.app.edge.EdgeSettings;
import io.isthmus.app.edge.ForwardSettings;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.connect.journal.JournalConfig;
import io.isthmus.insight.incident.Incident;
import io.isthmus.insight.incident.Occurrence;
import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Sample;
import io.isthmus.model.Severity;
import io.isthmus.model.TagPath;
import io.isthmus.sim.VirtualFactory;
import io.isthmus.sim.VirtualFactoryConfig;
import io.isthmus.sim.process.FaultCode;
import io.isthmus.sim.process.MachineKind;
import io.isthmus.sim.scenario.Scenario;
import io.isthmus.store.HistorianConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code attack-demo} incident end to end on loopback: the virtual factory's real conveyor PLC
 * (127.0.0.10)
 * polled by a real edge that forwards to a real hub; the sensor's stop-coil alert from the IT
 * laptop (127.0.0.66) put into the hub's event log as the sensor does; the conveyor's material jam
 * injected into the simulated process. Its fault code 201 travels PLC → edge → journal → HTTP →
 * ingest → live values, where the hub raises the machine fault; both become one incident with the
 * T0855 runbook.
 */
class AttackIncidentEndToEndTest {
    static final TagPath CONVEYOR_FAULT =
            TagPath.parse("acme/springfield/packaging/line1/transport/conveyor/faultCode");

    @TempDir
    Path dir;

    @Test
    void aStopCoilAlertAndTheConveyorsRealJamBecomeOneIncidentWithBothEventsAndTheT0855Runbook() throws Exception {
        int opcUa;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUa = s.getLocalPort();
        }
        try (VirtualFactory factory = VirtualFactory.start(
                VirtualFactoryConfig.defaults().with(b -> {
                    b.modbusBasePort = 0;
                    b.opcUaPort = opcUa;
                    b.scenario = Scenario.idle();
                    b.pkiDir = dir.resolve("pki");
                }),
                (r, u, q, a) -> {},
                o -> {})) {
            ConnectConfig all = DemoRuntime.tagsFor(factory);
            ConnectConfig conveyor = new ConnectConfig(
                    all.sources().stream()
                            .filter(s -> s.id().equals("conveyor"))
                            .toList(),
                    all.tagsOf("conveyor"));
            try (Hub hub = Hub.start(HubSettings.of(
                            new InetSocketAddress("127.0.0.1", 0),
                            HistorianConfig.create(dir.resolve("historian")),
                            HubConfigYaml.describe(conveyor)));
                    Edge edge = Edge.start(new EdgeConfig(
                            new EdgeSettings(
                                    "test-line",
                                    JournalConfig.create(dir.resolve("journal"), b -> {}),
                                    ForwardSettings.to(URI.create("http://127.0.0.1:" + hub.port() + "/")),
                                    Optional.empty()),
                            conveyor))) {
                await(
                        "the conveyor's fault code 0 reaches the hub",
                        () -> hub.latest()
                                .get(CONVEYOR_FAULT)
                                .map(Sample::value)
                                .filter(v -> v.asDouble() == 0)
                                .isPresent());

                Event alert = new Event(
                        Instant.now(),
                        EventKind.NETWORK_ALERT,
                        Severity.HIGH,
                        "Write Single Coil from 127.0.0.66 to 127.0.0.10 not allowed by policy",
                        List.of(new AssetId("ip:127.0.0.10"), new AssetId("ip:127.0.0.66")),
                        List.of(AttackIcs.bundled().technique("T0855")),
                        Evidence.of("Write Single Coil (5) unit 1 address 0 values 0")
                                .with("rule", "policy-operation")
                                .with("src", "127.0.0.66")
                                .with("dst", "127.0.0.10")
                                .with("zone_path", "enterprise -> transport"));
                hub.events().add(new EventLog.Received("sensor", 1, alert));
                factory.line().injectFault(MachineKind.CONVEYOR, FaultCode.MATERIAL_JAM, Duration.ofMinutes(10));

                await(
                        "the hub raises the conveyor's machine fault",
                        () -> hub.events().newest(10).stream()
                                .anyMatch(r -> r.event().kind() == EventKind.MACHINE_FAULT));

                List<Incident> incidents = hub.incidentDesk()
                        .incidents()
                        .list(Optional.empty(), 10, 0)
                        .items();
                assertThat(incidents).hasSize(1);
                Incident incident = incidents.getFirst();
                assertThat(incident.events()).extracting(Occurrence::origin).containsExactly("sensor", "hub");
                Event fault = incident.events().get(1).event();
                assertThat(fault.title()).isEqualTo("conveyor fault 201: bottle jam (material)");
                assertThat(fault.assets())
                        .as("the conveyor PLC listens on its own address")
                        .containsExactly(new AssetId("ip:127.0.0.10"));
                assertThat(fault.evidence().fact("endpoint"))
                        .contains(factory.plcs().stream()
                                .filter(p -> p.device().equals("conveyor"))
                                .findFirst()
                                .orElseThrow()
                                .hostPort());
                assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(incident.techniques()).containsExactly("T0855");
                assertThat(incident.faultClasses()).containsExactly("material");
                assertThat(hub.incidentDesk().runbookOf(incident)).hasValueSatisfying(r -> {
                    assertThat(r.id()).isEqualTo("T0855");
                    assertThat(r.markdown()).contains("fault class");
                });
            }
        }
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
