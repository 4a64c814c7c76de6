package io.isthmus.app.config;

import io.isthmus.connect.opcua.BrowsedVariable;
import io.isthmus.connect.opcua.OpcUaSourceConfig;
import io.isthmus.model.TagPath;
import io.isthmus.model.TagPathException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes browsed OPC UA variables as a ready-to-edit tag configuration in YAML: one source and one
 * tag per readable variable, each with a suggested ISA-95 path, the NodeId, the unit, and a
 * comment with its data type and access. Strings are double-quoted with JSON escapes (valid YAML
 * 1.2 whatever a browse name contains).
 *
 * <p>A browse path of exactly seven valid segments (as the virtual factory's tree is) is taken as
 * the tag path; any other becomes {@code enterprise/site/area/line/cell/<parent>/<name>} with the
 * names made path-safe, to be edited. Suggested paths are made unique with a {@code _2}, {@code
 * _3}... suffix.
 */
public final class OpcUaTagSnippet {
    private static final List<String> PLACEHOLDERS = List.of("enterprise", "site", "area", "line", "cell");

    private OpcUaTagSnippet() {}

    public static String yaml(OpcUaSourceConfig source, List<BrowsedVariable> variables, boolean truncated) {
        StringBuilder y = new StringBuilder();
        y.append("# OPC UA tags browsed from ")
                .append(source.endpoint())
                .append(" (security ")
                .append(source.security())
                .append("): ")
                .append(variables.size())
                .append(" variables")
                .append(truncated ? ", browse stopped at its limits (raise --max-nodes/--max-depth)" : "")
                .append(".\n");
        y.append("# Edit the paths to your ISA-95 names and delete the tags you do not need.\n");
        y.append("# Format: docs/connect.md, section \"OPC UA source\".\n");
        y.append("sources:\n");
        y.append("  - id: ").append(quote(source.id())).append('\n');
        y.append("    kind: opcua\n");
        y.append("    endpoint: ").append(quote(source.endpoint().toString())).append('\n');
        y.append("    security: ").append(source.security()).append('\n');
        if (!source.security().isNone()) {
            y.append("    pki-dir: ").append(quote(source.pkiDir().toString())).append('\n');
        }
        source.user()
                .ifPresent(u ->
                        y.append("    username: ").append(quote(u.username())).append('\n'));
        y.append("    publishing-interval: ")
                .append(millis(source.publishingInterval()))
                .append('\n');
        y.append("    sampling-interval: ")
                .append(millis(source.samplingInterval()))
                .append('\n');
        y.append("tags:");
        Set<TagPath> used = new HashSet<>();
        int written = 0;
        for (BrowsedVariable v : variables) {
            if (!v.readable()) {
                continue;
            }
            y.append("\n  - path: ")
                    .append(quote(unique(suggest(v.browsePath()), used).toString()));
            y.append("\n    source: ").append(quote(source.id()));
            y.append("\n    node-id: ").append(quote(v.nodeId()));
            if (!v.unit().isEmpty()) {
                y.append("\n    unit: ").append(quote(v.unit()));
            }
            y.append("\n    # ").append(v.dataType()).append(v.writable() ? ", read-write" : ", read-only");
            if (!v.description().isEmpty()) {
                y.append(": ").append(v.description().replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " "));
            }
            written++;
        }
        y.append(written == 0 ? " []\n" : "\n");
        return y.toString();
    }

    /** The tag path a browse path suggests; always valid. */
    static TagPath suggest(List<String> browsePath) {
        if (browsePath.size() == 7) {
            try {
                return new TagPath(
                        browsePath.get(0),
                        browsePath.get(1),
                        browsePath.get(2),
                        browsePath.get(3),
                        browsePath.get(4),
                        browsePath.get(5),
                        browsePath.get(6));
            } catch (TagPathException e) {
                // fall through to the sanitised form
            }
        }
        List<String> names = browsePath.stream().map(OpcUaTagSnippet::safe).toList();
        String point = names.isEmpty() ? "point" : names.get(names.size() - 1);
        String equipment = names.size() >= 2 ? names.get(names.size() - 2) : "equipment";
        List<String> upper = new ArrayList<>(names.subList(0, Math.max(0, names.size() - 2)));
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < PLACEHOLDERS.size(); i++) {
            levels.add(i < upper.size() && upper.size() <= PLACEHOLDERS.size() ? upper.get(i) : PLACEHOLDERS.get(i));
        }
        return new TagPath(levels.get(0), levels.get(1), levels.get(2), levels.get(3), levels.get(4), equipment, point);
    }

    private static TagPath unique(TagPath path, Set<TagPath> used) {
        TagPath candidate = path;
        for (int n = 2; !used.add(candidate); n++) {
            String suffix = "_" + n;
            String point = path.point();
            candidate = path.withPoint(
                    point.substring(0, Math.min(point.length(), TagPath.MAX_SEGMENT_LENGTH - suffix.length()))
                            + suffix);
        }
        return candidate;
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        s = s.isEmpty() ? "_" : s;
        return s.length() > TagPath.MAX_SEGMENT_LENGTH ? s.substring(0, TagPath.MAX_SEGMENT_LENGTH) : s;
    }

    private static String millis(java.time.Duration d) {
        return d.toMillis() + "ms";
    }

    /** A YAML double-quoted scalar (YAML 1.2, 7.3.1), JSON escapes. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
