package io.isthmus.connect.sparkplug;

import io.isthmus.model.TagPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Derives a tag path for metrics no explicit tag names: {@code <linePrefix>/<edge node>/<device>/
 * <metric>}, where the prefix is the four upper ISA-95 levels (enterprise/site/area/line), the
 * edge node stands for the work cell, the device for the equipment ({@value #NODE_EQUIPMENT} for
 * metrics of the edge node itself), and the metric for the point.
 *
 * <p>Names become valid {@link TagPath} segments: {@code /} (a Sparkplug metric folder) becomes
 * {@code .}, every other character outside {@code A-Z a-z 0-9 _ - .} becomes {@code _}, and a
 * name longer than 64 characters is cut to 55 and given {@code -} and eight hex digits of its
 * CRC-32, so different long names stay different. Normalisation can still make two names equal
 * ({@code a b} and {@code a_b}); the source then counts a {@link Anomaly#PATH_COLLISION}.
 *
 * <p>Sparkplug's own control metrics ({@code bdSeq}, {@code Node Control/*}, {@code Device
 * Control/*}) are commands and bookkeeping, not process values, and are never derived.
 */
public record SparkplugPathRule(String linePrefix) {
    public static final String NODE_EQUIPMENT = "node";

    private static final int CUT = 55;

    public SparkplugPathRule {
        if (linePrefix == null) {
            throw new IllegalArgumentException("path rule prefix is missing; write enterprise/site/area/line");
        }
        String[] parts = linePrefix.split("/", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("path rule prefix '" + linePrefix + "' has " + parts.length
                    + " segment(s); write the four upper ISA-95 levels enterprise/site/area/line");
        }
        // validates each segment with the tag path rules, naming the bad one
        new TagPath(parts[0], parts[1], parts[2], parts[3], "cell", "equipment", "point");
    }

    /** The derived path, or empty for Sparkplug's control metrics. */
    public Optional<TagPath> derive(MetricKey key) {
        if (isControlMetric(key.metric())) {
            return Optional.empty();
        }
        String[] p = linePrefix.split("/");
        return Optional.of(new TagPath(
                p[0],
                p[1],
                p[2],
                p[3],
                segment(key.edgeNode()),
                key.device().map(SparkplugPathRule::segment).orElse(NODE_EQUIPMENT),
                segment(key.metric())));
    }

    static boolean isControlMetric(String metric) {
        return metric.equals("bdSeq") || metric.startsWith("Node Control/") || metric.startsWith("Device Control/");
    }

    /** A Sparkplug name as a tag path segment (see the class comment). */
    public static String segment(String name) {
        StringBuilder b = new StringBuilder(Math.min(name.length(), 64));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.';
            b.append(ok ? c : c == '/' ? '.' : '_');
        }
        String s = b.toString();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            s = s.replace('.', '_') + "_";
        }
        if (s.length() > TagPath.MAX_SEGMENT_LENGTH) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            s = s.substring(0, CUT) + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
        }
        return s;
    }
}
