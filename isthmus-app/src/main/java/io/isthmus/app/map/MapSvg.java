package io.isthmus.app.map;

import java.util.List;
import java.util.Locale;

/**
 * Draws a laid-out {@link NetworkMap} as one standalone SVG 1.1 document: Purdue lanes as bands
 * with their titles on the left, assets as boxes coloured by role, flows as arrows from client to
 * server coloured by the most dangerous access kind they carry (program, control, write, read) and
 * labelled with protocols, access and volume. Text is escaped; nothing is fetched from elsewhere.
 */
public final class MapSvg {
    private MapSvg() {}

    /** The edge colours, most dangerous first, and what each means (also the legend). */
    static final List<String[]> ACCESS_COLOURS = List.of(
            new String[] {"program", "#b03a2e", "program (download/upload)"},
            new String[] {"control", "#d35400", "control (run/stop/restart)"},
            new String[] {"write", "#d4a017", "write"},
            new String[] {"read", "#2e4053", "read / diagnostic"},
            new String[] {"discovery", "#7d3c98", "discovery"},
            new String[] {"other", "#99a3a4", "other traffic (not dissected)"});

    public static String render(NetworkMap map) {
        double legendHeight = 30;
        double w = Math.max(map.width(), 900);
        double h = map.height() + legendHeight;
        StringBuilder s = new StringBuilder(16_384);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\""
                        + " viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
                w,
                h,
                w,
                h));
        s.append("<title>Isthmus network map</title>\n<defs>\n");
        for (String[] c : ACCESS_COLOURS) {
            s.append(String.format(
                    "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                            + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                            + " fill=\"%s\"/></marker>\n",
                    c[0], c[1]));
        }
        s.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        lanes(s, map, w);
        for (NetworkMap.Edge e : map.edges()) {
            edge(s, e);
        }
        for (NetworkMap.Node n : map.nodes()) {
            node(s, n);
        }
        for (NetworkMap.Edge e : map.edges()) {
            edgeLabel(s, e);
        }
        legend(s, map, map.height() + 6);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void lanes(StringBuilder s, NetworkMap map, double w) {
        int i = 0;
        for (NetworkMap.Lane l : map.lanes()) {
            String fill = i++ % 2 == 0 ? "#eef2f6" : "#f8f9fb";
            double x = l.horizontal() ? 0 : l.start();
            double y = l.horizontal() ? l.start() : 0;
            double width = l.horizontal() ? w : l.size();
            double height = l.horizontal() ? l.size() : map.height();
            s.append(String.format(
                    Locale.ROOT,
                    "<g class=\"lane\" data-level=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                            + " fill=\"%s\" stroke=\"#d5dbe1\"/>",
                    esc(l.level()),
                    x,
                    y,
                    width,
                    height,
                    fill));
            double tx = l.horizontal() ? 10 : x + 10;
            double ty = l.horizontal() ? y + height / 2 + 4 : 22;
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" fill=\"#34495e\">%s</text></g>\n",
                    tx,
                    ty,
                    esc(l.title())));
        }
    }

    static String colourKey(NetworkMap.Edge e) {
        for (String[] c : ACCESS_COLOURS) {
            if (e.access().contains(c[0])) {
                return c[0];
            }
        }
        if (e.access().contains("diagnostic")) {
            return "read";
        }
        return "other";
    }

    private static String colour(String key) {
        return ACCESS_COLOURS.stream().filter(c -> c[0].equals(key)).findFirst().orElseThrow()[1];
    }

    private static void edge(StringBuilder s, NetworkMap.Edge e) {
        String key = colourKey(e);
        double width = 1.2 + Math.min(3.5, Math.log10(1 + e.bytes() + e.requests() * 100) / 2);
        StringBuilder d = new StringBuilder();
        for (NetworkMap.Point p : e.points()) {
            d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
        }
        s.append(String.format(
                Locale.ROOT,
                "<path class=\"edge\" data-source=\"%s\" data-target=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\""
                        + " stroke-width=\"%.1f\"%s marker-end=\"url(#arrow-%s)\"/>\n",
                esc(e.source()),
                esc(e.target()),
                d,
                colour(key),
                width,
                key.equals("other") ? " stroke-dasharray=\"5,3\"" : "",
                key));
    }

    private static void edgeLabel(StringBuilder s, NetworkMap.Edge e) {
        double w = e.label().length() * 6.2 + 4;
        s.append(String.format(
                Locale.ROOT,
                "<g class=\"edge-label\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" rx=\"3\""
                        + " fill=\"#ffffff\" fill-opacity=\"0.85\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10.5\""
                        + " fill=\"%s\">%s</text></g>\n",
                e.labelX(),
                e.labelY(),
                w,
                e.labelX() + 2,
                e.labelY() + 11,
                colour(colourKey(e)),
                esc(e.label())));
    }

    private static void node(StringBuilder s, NetworkMap.Node n) {
        String[] c = roleColours(n.role());
        s.append(String.format(
                Locale.ROOT,
                "<g class=\"asset\" data-id=\"%s\" data-role=\"%s\" data-level=\"%s\"><title>%s</title>"
                        + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\""
                        + " stroke=\"%s\" stroke-width=\"1.5\"/>",
                esc(n.id()),
                esc(n.role()),
                esc(n.level()),
                esc(n.id() + " — level " + n.level() + " ("
                        + n.levelConfidence().toLowerCase(Locale.ROOT) + " confidence)"),
                n.x(),
                n.y(),
                n.width(),
                n.height(),
                c[0],
                c[1]));
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" font-weight=\"bold\" fill=\"#1b2631\">%s</text>",
                n.x() + 10,
                n.y() + 18,
                esc(n.label())));
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#2c3e50\">%s</text></g>\n",
                n.x() + 10,
                n.y() + 35,
                esc(n.detail())));
    }

    /** Fill and stroke per role: controllers green, supervisors blue, IT grey, unknown white. */
    static String[] roleColours(String role) {
        return switch (role) {
            case "PLC", "RTU", "SENSOR_ACTUATOR" -> new String[] {"#d5f5e3", "#1e8449"};
            case "HMI", "ENGINEERING_WORKSTATION", "OPC_SERVER" -> new String[] {"#d6eaf8", "#2471a3"};
            case "HISTORIAN" -> new String[] {"#e8daef", "#7d3c98"};
            case "IT_HOST" -> new String[] {"#eaeded", "#717d7e"};
            case "NETWORK_INFRASTRUCTURE" -> new String[] {"#fdebd0", "#b9770e"};
            default -> new String[] {"#ffffff", "#7f8c8d"};
        };
    }

    private static void legend(StringBuilder s, NetworkMap map, double y) {
        double x = 10;
        for (String[] c : ACCESS_COLOURS) {
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>"
                            + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#34495e\">%s</text>\n",
                    x,
                    y + 10,
                    x + 24,
                    y + 10,
                    c[1],
                    x + 30,
                    y + 14,
                    esc(c[2])));
            x += 36 + c[2].length() * 6.3;
        }
        if (map.omittedAssets() > 0) {
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#b03a2e\">%d assets not drawn (see the"
                            + " inventory)</text>\n",
                    x,
                    y + 14,
                    map.omittedAssets()));
        }
    }

    /** XML text and attribute escaping (XML 1.0, 2.4); control characters become U+FFFD. */
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
