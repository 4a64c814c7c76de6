package io.isthmus.app.map;

import io.isthmus.model.AccessKind;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.AssetLink;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays the inventory out as a network map with the Eclipse Layout Kernel's layered algorithm
 * (Sugiyama style: layers, crossing minimisation, orthogonal edge routing), one partition per Purdue
 * level so that each level is a lane, enterprise first and process last, assets without a level in a
 * last lane. Lanes are horizontal rows (enterprise at the top) while no level holds more than {@link
 * #MAX_ROW_NODES} assets; beyond that, vertical columns (enterprise on the left), so that a plant
 * with forty PLCs scrolls down rather than 6,000 pixels sideways. ELK decides the order within a lane and routes the
 * edges; this class only sizes boxes and reads the result back.
 */
public final class MapLayout {
    /** Assets drawn at most: industrial ones first, then the busiest. Beyond ~200 no map is readable. */
    public static final int MAX_NODES = 200;

    static final double LANE_TITLE_WIDTH = 170;
    static final double LANE_TITLE_HEIGHT = 34;
    /** Up to this many assets in the fullest level, lanes are rows; beyond, columns (scroll down, not sideways). */
    static final int MAX_ROW_NODES = 8;

    static final double CHAR_WIDTH = 7.2;
    static final double NODE_HEIGHT = 44;
    static final double MARGIN = 16;

    private static volatile boolean registered;

    private MapLayout() {}

    private static synchronized void register() {
        if (!registered) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            registered = true;
        }
    }

    /** The lanes from top to bottom: levels 5 to 0, then assets without a level. */
    static List<String> laneOrder() {
        List<String> lanes = new ArrayList<>();
        for (int i = PurdueLevel.values().length - 1; i >= 0; i--) {
            lanes.add(PurdueLevel.values()[i].toString());
        }
        lanes.add("none");
        return lanes;
    }

    public static NetworkMap layout(InventorySnapshot inventory) {
        register();
        List<InventoryAsset> shown = chooseNodes(inventory);
        Map<AssetId, InventoryAsset> byId = new LinkedHashMap<>();
        shown.forEach(a -> byId.put(a.id(), a));
        List<String> lanes = laneOrder();

        Map<String, Integer> perLevel = new HashMap<>();
        shown.forEach(a -> perLevel.merge(level(a), 1, Integer::sum));
        boolean rows =
                perLevel.values().stream().mapToInt(Integer::intValue).max().orElse(0) <= MAX_ROW_NODES;

        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, rows ? Direction.DOWN : Direction.RIGHT);
        // one component, or ELK lays out unconnected assets on their own and ignores the lanes
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PARTITIONING_ACTIVATE, true);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(MARGIN));

        Map<AssetId, ElkNode> nodes = new HashMap<>();
        for (InventoryAsset a : shown) {
            ElkNode n = ElkGraphUtil.createNode(root);
            String label = a.label();
            String detail = detail(a);
            n.setWidth(Math.max(label.length(), detail.length()) * CHAR_WIDTH + 20);
            n.setHeight(NODE_HEIGHT);
            n.setProperty(CoreOptions.PARTITIONING_PARTITION, lanes.indexOf(level(a)));
            n.setIdentifier(a.id().value());
            nodes.put(a.id(), n);
        }
        Map<String, List<AssetLink>> pairs = new LinkedHashMap<>();
        for (AssetLink l : inventory.links()) {
            if (nodes.containsKey(l.client()) && nodes.containsKey(l.server())) {
                pairs.computeIfAbsent(l.client().value() + "\u0000" + l.server().value(), k -> new ArrayList<>())
                        .add(l);
            }
        }
        Map<ElkEdge, List<AssetLink>> edges = new LinkedHashMap<>();
        for (List<AssetLink> group : pairs.values()) {
            AssetLink first = group.getFirst();
            ElkEdge e = ElkGraphUtil.createSimpleEdge(nodes.get(first.client()), nodes.get(first.server()));
            ElkLabel label = ElkGraphUtil.createLabel(edgeLabel(group), e);
            label.setWidth(label.getText().length() * 6.2 + 4);
            label.setHeight(14);
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            edges.put(e, group);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        return read(root, byId, nodes, edges, lanes, inventory.assets().size() - shown.size(), rows);
    }

    private static NetworkMap read(
            ElkNode root,
            Map<AssetId, InventoryAsset> byId,
            Map<AssetId, ElkNode> nodes,
            Map<ElkEdge, List<AssetLink>> edges,
            List<String> lanes,
            int omitted,
            boolean rows) {
        double dx = rows ? LANE_TITLE_WIDTH : 0;
        double dy = rows ? 0 : LANE_TITLE_HEIGHT;
        List<NetworkMap.Node> outNodes = new ArrayList<>();
        Map<String, double[]> laneSpan = new LinkedHashMap<>();
        for (var e : nodes.entrySet()) {
            InventoryAsset a = byId.get(e.getKey());
            ElkNode n = e.getValue();
            String level = level(a);
            outNodes.add(new NetworkMap.Node(
                    a.id().value(),
                    a.label(),
                    detail(a),
                    a.asset().role().name(),
                    level,
                    a.levelConfidence().name(),
                    n.getX() + dx,
                    n.getY() + dy,
                    n.getWidth(),
                    n.getHeight()));
            double[] span = laneSpan.computeIfAbsent(level, k -> new double[] {Double.MAX_VALUE, 0});
            double start = rows ? n.getY() : n.getX();
            span[0] = Math.min(span[0], start);
            span[1] = Math.max(span[1], start + (rows ? n.getHeight() : n.getWidth()));
        }
        outNodes.sort(Comparator.comparing(NetworkMap.Node::id));
        List<NetworkMap.Edge> outEdges = new ArrayList<>();
        int i = 0;
        for (var e : edges.entrySet()) {
            outEdges.add(edge("e" + i++, e.getKey(), e.getValue(), dx, dy));
        }
        double width = root.getWidth() + dx;
        double height = root.getHeight() + dy;
        List<NetworkMap.Lane> bands = lanes(lanes, laneSpan, rows ? height : width);
        if (!rows) {
            bands = bands.stream()
                    .map(b -> new NetworkMap.Lane(b.level(), b.title(), b.start(), b.size(), false))
                    .toList();
        }
        return new NetworkMap(width, height, bands, outNodes, outEdges, omitted);
    }

    /**
     * Bands from the nodes' rows (or columns); the boundary between two lanes is halfway between
     * them.
     */
    private static List<NetworkMap.Lane> lanes(List<String> order, Map<String, double[]> spans, double extent) {
        List<String> used = order.stream().filter(spans::containsKey).toList();
        List<NetworkMap.Lane> out = new ArrayList<>();
        double top = 0;
        for (int k = 0; k < used.size(); k++) {
            double[] span = spans.get(used.get(k));
            double bottom = k + 1 < used.size() ? (span[1] + spans.get(used.get(k + 1))[0]) / 2 : extent;
            out.add(new NetworkMap.Lane(used.get(k), title(used.get(k)), top, bottom - top, true));
            top = bottom;
        }
        return out;
    }

    private static NetworkMap.Edge edge(String id, ElkEdge e, List<AssetLink> group, double dx, double dy) {
        List<NetworkMap.Point> points = new ArrayList<>();
        for (ElkEdgeSection s : e.getSections()) {
            points.add(new NetworkMap.Point(s.getStartX() + dx, s.getStartY() + dy));
            for (ElkBendPoint b : s.getBendPoints()) {
                points.add(new NetworkMap.Point(b.getX() + dx, b.getY() + dy));
            }
            points.add(new NetworkMap.Point(s.getEndX() + dx, s.getEndY() + dy));
        }
        Set<String> protocols = new TreeSet<>();
        Set<AccessKind> access = EnumSet.noneOf(AccessKind.class);
        long requests = 0;
        long bytes = 0;
        for (AssetLink l : group) {
            protocols.add(l.service().label());
            access.addAll(l.access());
            requests += l.requests();
            bytes += l.bytes();
        }
        ElkLabel label = e.getLabels().getFirst();
        AssetLink first = group.getFirst();
        return new NetworkMap.Edge(
                id,
                first.client().value(),
                first.server().value(),
                List.copyOf(protocols),
                access.stream().map(AccessKind::id).toList(),
                requests,
                bytes,
                points,
                label.getText(),
                label.getX() + dx,
                label.getY() + dy);
    }

    /** Industrial assets first, then by how many peers they have; at most {@link #MAX_NODES}. */
    private static List<InventoryAsset> chooseNodes(InventorySnapshot inventory) {
        return inventory.assets().stream()
                .sorted(Comparator.comparing(
                                (InventoryAsset a) -> a.asset().protocols().isEmpty())
                        .thenComparing(Comparator.comparingInt(InventoryAsset::peerCount)
                                .reversed())
                        .thenComparing(a -> a.id().value()))
                .limit(MAX_NODES)
                .toList();
    }

    static String level(InventoryAsset a) {
        return a.asset().purdueLevel().map(PurdueLevel::toString).orElse("none");
    }

    static String title(String lane) {
        if (lane.equals("none")) {
            return "no level";
        }
        PurdueLevel l = PurdueLevel.parse(lane);
        return l + " " + l.description();
    }

    /** "PLC · Siemens 6ES7 315-2EH14-0AB0", at most 40 characters. */
    static String detail(InventoryAsset a) {
        StringBuilder s = new StringBuilder(roleName(a.asset().role()));
        a.asset().identity().vendor().ifPresent(v -> s.append(" · ").append(v));
        a.asset().identity().model().ifPresent(m -> s.append(' ').append(m));
        return s.length() > 40 ? s.substring(0, 39) + "…" : s.toString();
    }

    static String roleName(AssetRole role) {
        return switch (role) {
            case PLC -> "PLC";
            case RTU -> "RTU";
            case HMI -> "HMI";
            case ENGINEERING_WORKSTATION -> "engineering ws";
            case HISTORIAN -> "historian";
            case OPC_SERVER -> "OPC server";
            case IT_HOST -> "IT host";
            case NETWORK_INFRASTRUCTURE -> "network";
            case SENSOR_ACTUATOR -> "field device";
            case UNKNOWN -> "unknown";
        };
    }

    /** "modbus read/write · 12 kB" */
    static String edgeLabel(List<AssetLink> group) {
        Set<String> protocols = new TreeSet<>();
        Set<AccessKind> access = EnumSet.noneOf(AccessKind.class);
        long bytes = 0;
        long requests = 0;
        for (AssetLink l : group) {
            protocols.add(l.service().label());
            access.addAll(l.access());
            bytes += l.bytes();
            requests += l.requests();
        }
        String p = String.join(",", protocols.stream().limit(3).toList()) + (protocols.size() > 3 ? ",…" : "");
        String a = access.isEmpty()
                ? ""
                : " " + String.join("/", access.stream().map(AccessKind::id).toList());
        String volume = bytes > 0 ? " · " + bytes(bytes) : requests > 0 ? " · " + requests + " req" : "";
        return p + a + volume;
    }

    static String bytes(long b) {
        if (b < 1_000) {
            return b + " B";
        }
        if (b < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
    }
}
