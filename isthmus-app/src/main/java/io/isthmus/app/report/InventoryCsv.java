package io.isthmus.app.report;

import io.isthmus.model.Asset;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inventory as RFC 4180 CSV for spreadsheets and CMDB imports: one row per asset, multi-valued
 * cells joined with a space ({@code ips}, {@code macs}, {@code protocols}) or {@code " | "} (evidence).
 * Cells that a spreadsheet would run as a formula ({@code = + - @} first) get a leading quote
 * (OWASP CSV injection advice): device names come from the wire.
 */
public final class InventoryCsv {
    public static final List<String> HEADER = List.of(
            "id",
            "name",
            "ips",
            "macs",
            "vendor",
            "oui_vendor",
            "model",
            "firmware",
            "serial",
            "role",
            "level",
            "level_confidence",
            "zone",
            "protocols",
            "peers",
            "first_seen",
            "last_seen",
            "role_evidence");

    private InventoryCsv() {}

    public static String render(InventorySnapshot s) {
        StringBuilder b = new StringBuilder();
        row(b, HEADER);
        for (InventoryAsset a : s.assets()) {
            Asset m = a.asset();
            row(
                    b,
                    List.of(
                            m.id().value(),
                            a.name().orElse(""),
                            m.ips().stream().map(IpLiteral::format).sorted().collect(Collectors.joining(" ")),
                            m.macs().stream().sorted().map(MacAddress::toString).collect(Collectors.joining(" ")),
                            m.identity().vendor().orElse(""),
                            a.ouiVendor().orElse(""),
                            m.identity().model().orElse(""),
                            m.identity().firmware().orElse(""),
                            m.identity().serial().orElse(""),
                            m.role().name(),
                            m.purdueLevel().map(PurdueLevel::label).orElse(""),
                            a.levelConfidence().name(),
                            m.zone().orElse(""),
                            m.protocols().stream().map(Protocol::id).sorted().collect(Collectors.joining(" ")),
                            Integer.toString(a.peerCount()),
                            m.firstSeen().toString(),
                            m.lastSeen().toString(),
                            String.join(" | ", a.roleEvidence())));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String cell(String v) {
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
