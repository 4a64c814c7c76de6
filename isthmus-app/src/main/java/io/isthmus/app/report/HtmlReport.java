package io.isthmus.app.report;

import io.isthmus.app.map.MapSvg;
import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.Evidence;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.Technique;
import io.isthmus.observe.detect.DetectionStats;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.timing.ConduitTimes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code index.html} of {@code isthmus analyze --report}: one self-contained page (inline CSS and
 * SVG, no script, nothing fetched) with the alerts, the inventory changes, the network map, the
 * asset inventory and the timing of every control conduit. Every text from the wire is escaped.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#1b2631;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dbe1}
            .meta{color:#566573;font-size:13px}
            table{border-collapse:collapse;font-size:12.5px;width:100%}
            th,td{border:1px solid #d5dbe1;padding:4px 6px;text-align:left;vertical-align:top}
            th{background:#eef2f6;position:sticky;top:0}
            tr:nth-child(even) td{background:#f8f9fb}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .ev{color:#566573;font-size:11.5px}
            .sev{font-weight:bold;padding:1px 6px;border-radius:3px;color:#fff}
            .CRITICAL{background:#7b241c}.HIGH{background:#b03a2e}.MEDIUM{background:#d35400}
            .LOW{background:#2471a3}.INFO{background:#717d7e}
            .map{overflow:auto;border:1px solid #d5dbe1;max-height:900px}
            .none{color:#566573;font-style:italic}
            """;

    public static String render(ReportInput in) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<title>Isthmus report: ").append(esc(in.capture())).append("</title>");
        h.append("<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Isthmus report: ").append(esc(in.capture())).append("</h1>\n<p class=\"meta\">");
        h.append("Generated ").append(in.generated());
        if (in.captureStart().isPresent() && in.captureEnd().isPresent()) {
            h.append(" · capture from ")
                    .append(in.captureStart().get())
                    .append(" to ")
                    .append(in.captureEnd().get());
        }
        h.append(" · ").append(in.inventory().assets().size()).append(" assets, ");
        h.append(in.inventory().links().size()).append(" links, ");
        h.append(in.alerts().size())
                .append(" alerts · vendors from ")
                .append(esc(in.inventory().ouiSource()));
        if (in.inventory().evictedAssets() > 0 || in.inventory().evictedLinks() > 0) {
            h.append(" · <b>evicted at the inventory's limits: ")
                    .append(in.inventory().evictedAssets())
                    .append(" assets, ")
                    .append(in.inventory().evictedLinks())
                    .append(" links</b>");
        }
        h.append("</p>\n");
        in.detection().ifPresent(d -> detection(h, d));
        events(h, "Alerts", in.alerts(), "No alerts.");
        events(
                h,
                "Inventory changes",
                in.changes(),
                in.previousInventory().isPresent()
                        ? "No change since " + in.previousInventory().get() + "."
                        : "No previous inventory given (--inventory FILE): nothing to compare with.");
        h.append("<h2>Network map</h2>\n<div class=\"map\">");
        String svg = MapSvg.render(in.map());
        h.append(svg.substring(svg.indexOf("<svg")));
        h.append("</div>\n");
        inventory(h, in.inventory().assets());
        timing(h, in.timing(), in);
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Detection's counters, with what it dropped at its limits in bold when anything was. */
    private static void detection(StringBuilder h, DetectionStats d) {
        h.append("<p class=\"meta\">Detection: ")
                .append(d.requests())
                .append(" requests inspected, ")
                .append(d.learned())
                .append(" learned into the baseline, ")
                .append(d.findings())
                .append(" findings · ");
        h.append(d.anyDropped() ? "<b>" : "")
                .append("dropped at detection's limits: ")
                .append(d.alertsEvicted())
                .append(" alerts evicted, ")
                .append(d.hostsEvicted())
                .append(" scan trackers evicted, ")
                .append(d.baselineDropped())
                .append(" baseline entries and ")
                .append(d.pollsDropped())
                .append(" polling cycles not learned")
                .append(d.anyDropped() ? " (results incomplete)</b>" : "")
                .append("</p>\n");
    }

    private static void events(StringBuilder h, String title, List<Event> events, String empty) {
        h.append("<h2>").append(title).append(" (").append(events.size()).append(")</h2>\n");
        if (events.isEmpty()) {
            h.append("<p class=\"none\">").append(esc(empty)).append("</p>\n");
            return;
        }
        h.append("<table><tr><th>time</th><th>severity</th><th>title</th><th>techniques</th><th>assets</th>"
                + "<th>evidence</th></tr>\n");
        for (Event e : events) {
            h.append("<tr><td>").append(e.time()).append("</td>");
            h.append("<td><span class=\"sev ").append(e.severity()).append("\">");
            h.append(e.severity()).append("</span></td>");
            h.append("<td>").append(esc(e.title())).append("</td><td>");
            h.append(esc(e.techniques().stream().map(Technique::id).collect(Collectors.joining(", "))));
            h.append("</td><td>");
            h.append(esc(e.assets().stream().map(AssetId::value).collect(Collectors.joining(", "))));
            h.append("</td><td>").append(esc(e.evidence().summary()));
            h.append("<div class=\"ev\">");
            for (Evidence.Fact f : e.evidence().facts()) {
                h.append(esc(f.name())).append("=").append(esc(f.value())).append("; ");
            }
            h.append("</div></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void inventory(StringBuilder h, List<InventoryAsset> assets) {
        h.append("<h2>Asset inventory (").append(assets.size()).append(")</h2>\n");
        h.append("<table><tr><th>asset</th><th>IPs</th><th>MACs</th><th>vendor</th><th>model</th><th>firmware</th>"
                + "<th>serial</th><th>role and evidence</th><th>level</th><th>protocols</th><th>peers</th>"
                + "<th>first seen</th><th>last seen</th></tr>\n");
        for (InventoryAsset a : assets) {
            Asset m = a.asset();
            h.append("<tr><td><b>").append(esc(a.label())).append("</b>");
            if (!a.label().equals(m.id().value())) {
                h.append("<div class=\"ev\">").append(esc(m.id().value())).append("</div>");
            }
            h.append("</td><td>");
            h.append(esc(m.ips().stream().map(IpLiteral::format).sorted().collect(Collectors.joining(" "))));
            h.append("</td><td>");
            h.append(esc(m.macs().stream().sorted().map(MacAddress::toString).collect(Collectors.joining(" "))));
            h.append("</td><td>").append(esc(m.identity().vendor().orElse("")));
            a.ouiVendor()
                    .filter(v -> !v.equals(m.identity().vendor().orElse("")))
                    .ifPresent(v ->
                            h.append("<div class=\"ev\">MAC: ").append(esc(v)).append("</div>"));
            h.append("</td><td>").append(esc(m.identity().model().orElse("")));
            h.append("</td><td>").append(esc(m.identity().firmware().orElse("")));
            h.append("</td><td>").append(esc(m.identity().serial().orElse("")));
            h.append("</td><td><b>").append(m.role()).append("</b><div class=\"ev\">");
            h.append(esc(String.join("; ", a.roleEvidence()))).append("</div></td><td>");
            h.append(m.purdueLevel().map(Object::toString).orElse("—"));
            h.append("<div class=\"ev\">").append(a.levelConfidence().name().toLowerCase(Locale.ROOT));
            m.zone().ifPresent(z -> h.append(", zone ").append(esc(z)));
            h.append("</div></td><td>");
            h.append(esc(m.protocols().stream().map(Protocol::id).sorted().collect(Collectors.joining(" "))));
            h.append("</td><td class=\"num\">").append(a.peerCount());
            h.append("</td><td>").append(m.firstSeen()).append("</td><td>").append(m.lastSeen());
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void timing(StringBuilder h, List<ConduitTimes> timing, ReportInput in) {
        h.append("<h2>Conduit timing (").append(timing.size()).append(")</h2>\n");
        if (timing.isEmpty()) {
            h.append("<p class=\"none\">No client/server conduit with requests.</p>\n");
            return;
        }
        h.append("<p class=\"meta\">Latency: request to paired response (by transaction id). Period: time between"
                + " two requests for the same function, unit and address (the polling cycle). Jitter: change of"
                + " the period from one cycle to the next. Quantiles within 3&nbsp;%.</p>\n");
        h.append("<table><tr><th>client</th><th>server</th><th>protocol</th><th>requests</th>"
                + "<th>latency p50</th><th>latency p99</th><th>latency max</th><th>period p50</th>"
                + "<th>period p99</th><th>jitter p50</th><th>jitter p99</th></tr>\n");
        for (ConduitTimes t : timing) {
            h.append("<tr><td>").append(esc(t.key().client().toString()));
            h.append("</td><td>").append(esc(t.key().server().toString()));
            h.append("</td><td>").append(t.key().protocol().id());
            h.append("</td><td class=\"num\">").append(t.requests()).append("</td>");
            cell(h, t.latency().p50());
            cell(h, t.latency().p99());
            cell(h, t.latency().max());
            cell(h, t.period().p50());
            cell(h, t.period().p99());
            cell(h, t.jitter().p50());
            cell(h, t.jitter().p99());
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, Optional<Duration> d) {
        h.append("<td class=\"num\">")
                .append(d.map(HtmlReport::duration).orElse("—"))
                .append("</td>");
    }

    /** 0.84 ms, 250 ms, 1.50 s. */
    static String duration(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 1_000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1_000);
    }

    /** HTML text and attribute escaping; the same rule as the SVG. */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
