package io.isthmus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.app.map.MapLayout;
import io.isthmus.model.AssetId;
import io.isthmus.model.AttackIcs;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.observe.timing.ConduitKey;
import io.isthmus.observe.timing.ConduitTimes;
import io.isthmus.observe.timing.DurationStats;
import io.isthmus.wire.packet.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report shows the alerts it is given, the timing of each conduit, and escapes wire text. */
class HtmlReportTest {
    private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");
    private static final InventorySnapshot EMPTY = new InventorySnapshot(List.of(), List.of(), 0, 0, "test");

    private static ReportInput input(List<Event> alerts, List<ConduitTimes> timing) {
        return input(alerts, timing, Optional.empty());
    }

    private static ReportInput input(
            List<Event> alerts, List<ConduitTimes> timing, Optional<DetectionStats> detection) {
        return new ReportInput(
                "attack.pcap",
                T,
                Optional.empty(),
                Optional.empty(),
                EMPTY,
                MapLayout.layout(EMPTY),
                timing,
                alerts,
                List.of(),
                Optional.empty(),
                detection);
    }

    @Test
    void showsWhatDetectionDroppedAtItsLimits() {
        String html = HtmlReport.render(
                input(List.of(), List.of(), Optional.of(new DetectionStats(900, 100, 40, 12, 3, 2, 5, 7))));
        assertThat(html)
                .contains("900 requests inspected, 100 learned into the baseline")
                .contains("<b>dropped at detection's limits: 3 alerts evicted, 2 scan trackers evicted,"
                        + " 5 baseline entries and 7 polling cycles not learned (results incomplete)</b>");
        String clean = HtmlReport.render(
                input(List.of(), List.of(), Optional.of(new DetectionStats(900, 100, 40, 12, 0, 0, 0, 0))));
        assertThat(clean).contains("0 polling cycles not learned").doesNotContain("results incomplete");
        assertThat(HtmlReport.render(input(List.of(), List.of()))).doesNotContain("requests inspected");
    }

    @Test
    void alertsAreListedWithSeverityTechniqueAssetsAndEvidence() {
        Event stop = new Event(
                T,
                EventKind.NETWORK_ALERT,
                Severity.CRITICAL,
                "Stop coil written from an IT host",
                List.of(new AssetId("ip:127.0.0.1"), new AssetId("ip:127.0.0.66")),
                List.of(AttackIcs.bundled().technique("T0855")),
                Evidence.of("FC 5 to coil 1 from 127.0.0.66", new Evidence.Fact("function_code", "5")));
        String html = HtmlReport.render(input(List.of(stop), List.of()));
        assertThat(html)
                .contains("<h2>Alerts (1)</h2>")
                .contains("<span class=\"sev CRITICAL\">CRITICAL</span>")
                .contains("Stop coil written from an IT host")
                .contains("T0855")
                .contains("ip:127.0.0.1, ip:127.0.0.66")
                .contains("function_code=5;");
    }

    @Test
    void textFromTheWireIsEscaped() {
        Event e = new Event(
                T,
                EventKind.NETWORK_ALERT,
                Severity.LOW,
                "<script>alert(1)</script>",
                List.of(),
                List.of(),
                Evidence.of("a & b \"quoted\""));
        String html = HtmlReport.render(input(List.of(e), List.of()));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("a &amp; b &quot;quoted&quot;");
    }

    @Test
    void eachConduitShowsLatencyPeriodAndJitter() {
        DurationStats latency = new DurationStats(
                100,
                Optional.of(Duration.ofMillis(2)),
                Optional.of(Duration.ofMillis(9)),
                Optional.of(Duration.ofMillis(80)));
        DurationStats period = new DurationStats(
                99,
                Optional.of(Duration.ofMillis(250)),
                Optional.of(Duration.ofMillis(260)),
                Optional.of(Duration.ofMillis(261)));
        ConduitTimes t = new ConduitTimes(
                new ConduitKey(IpAddress.ofIpv4(0x0A000001), IpAddress.ofIpv4(0x0A000002), Protocol.MODBUS),
                100,
                latency,
                period,
                DurationStats.NONE);
        String html = HtmlReport.render(input(List.of(), List.of(t)));
        assertThat(html)
                .contains("<h2>Conduit timing (1)</h2>")
                .contains("<td>10.0.0.1</td><td>10.0.0.2</td><td>modbus</td><td class=\"num\">100</td>")
                .contains("<td class=\"num\">2.00 ms</td><td class=\"num\">9.00 ms</td><td class=\"num\">80 ms</td>")
                .contains("<td class=\"num\">250 ms</td><td class=\"num\">260 ms</td><td class=\"num\">—</td>");
    }
}
