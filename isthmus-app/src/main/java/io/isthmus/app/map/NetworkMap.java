package io.isthmus.app.map;

import java.util.List;

/**
 * The network map after layout: what {@code map.svg} draws and {@code map.json} carries for the
 * console. Coordinates are pixels from the top left, y downwards. Plain strings and numbers so the
 * JSON is the same as these records.
 *
 * @param omittedAssets assets left off because the map holds at most {@link MapLayout#MAX_NODES}
 */
public record NetworkMap(
        double width, double height, List<Lane> lanes, List<Node> nodes, List<Edge> edges, int omittedAssets) {

    public NetworkMap {
        lanes = List.copyOf(lanes);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * The band of one Purdue level ({@code "L1"}, or {@code "none"} for unplaced assets): a row from
     * {@code start} to {@code start + size} in y when {@code horizontal}, else a column in x.
     */
    public record Lane(String level, String title, double start, double size, boolean horizontal) {}

    /**
     * One asset.
     *
     * @param level the Purdue level label ({@code "L3.5"}) or {@code "none"}
     * @param detail the second line: role and what it is
     */
    public record Node(
            String id,
            String label,
            String detail,
            String role,
            String level,
            String levelConfidence,
            double x,
            double y,
            double width,
            double height) {}

    /**
     * Traffic from a client to a server, all services between the two together.
     *
     * @param protocols industrial protocols and other services ({@code tcp/443}) on it
     * @param access access kinds of its requests
     * @param points the route: start, bend points, end
     * @param label the text drawn on it, placed at {@code labelX, labelY} (its top left)
     */
    public record Edge(
            String id,
            String source,
            String target,
            List<String> protocols,
            List<String> access,
            long requests,
            long bytes,
            List<Point> points,
            String label,
            double labelX,
            double labelY) {
        public Edge {
            protocols = List.copyOf(protocols);
            access = List.copyOf(access);
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {}
}
