package io.isthmus.app.sensor;

import io.isthmus.app.map.NetworkMap;
import io.isthmus.model.AssetId;
import io.isthmus.observe.inventory.AssetLink;
import io.isthmus.observe.inventory.InventorySnapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET /api/map}: the laid-out {@link NetworkMap} (ELK coordinates, so the console draws it
 * without a layout engine) reduced to what the console needs, with packet counts from the
 * inventory's links and a {@code violation} flag on edges a policy alert was raised for.
 */
final class MapJson {
    private MapJson() {}

    static Map<String, Object> of(
            NetworkMap map,
            InventorySnapshot snapshot,
            Function<AssetId, Optional<String>> zone,
            Set<List<String>> violations) {
        Map<List<String>, Long> packets = new HashMap<>();
        for (AssetLink l : snapshot.links()) {
            packets.merge(List.of(l.client().value(), l.server().value()), l.packets(), Long::sum);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "levels",
                map.lanes().stream()
                        .map(l -> Map.<String, Object>of("level", l.level(), "name", l.title()))
                        .toList());
        out.put("nodes", map.nodes().stream().map(n -> node(n, zone)).toList());
        out.put(
                "edges",
                map.edges().stream().map(e -> edge(e, packets, violations)).toList());
        out.put("width", map.width());
        out.put("height", map.height());
        out.put("omittedAssets", map.omittedAssets());
        return out;
    }

    private static Map<String, Object> node(NetworkMap.Node n, Function<AssetId, Optional<String>> zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("label", n.label());
        m.put("level", n.level());
        m.put("role", n.role());
        m.put("zone", zone.apply(new AssetId(n.id())).orElse(null));
        m.put("x", n.x());
        m.put("y", n.y());
        m.put("width", n.width());
        m.put("height", n.height());
        return m;
    }

    private static Map<String, Object> edge(
            NetworkMap.Edge e, Map<List<String>, Long> packets, Set<List<String>> violations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("source", e.source());
        m.put("target", e.target());
        m.put("protocol", e.protocols().isEmpty() ? null : e.protocols().getFirst());
        m.put("protocols", e.protocols());
        m.put("access", e.access());
        m.put("packets", packets.getOrDefault(List.of(e.source(), e.target()), 0L));
        m.put("bytes", e.bytes());
        m.put("violation", violations.contains(List.of(e.source(), e.target())));
        return m;
    }
}
