package io.isthmus.model;

import java.util.List;

/**
 * An ISA-95 path naming one data point: {@code enterprise/site/area/line/cell/equipment/point}.
 *
 * <p>Seven segments, always: the fixed depth lets the unified namespace, MQTT topics and access
 * rules address a level by position. Segments use letters, digits, {@code _ - .}, are 1 to 64
 * characters long and never contain MQTT wildcards or separators, so a path is also a valid MQTT
 * topic.
 */
public record TagPath(
        String enterprise, String site, String area, String line, String cell, String equipment, String point) {

    public static final int MAX_SEGMENT_LENGTH = 64;
    public static final char SEPARATOR = '/';

    public TagPath {
        List<String> segments = java.util.Arrays.asList(enterprise, site, area, line, cell, equipment, point);
        for (int i = 0; i < segments.size(); i++) {
            String problem = segmentProblem(segments.get(i));
            if (problem != null) {
                throw new TagPathException(
                        String.join("/", segments.stream().map(String::valueOf).toList()),
                        0,
                        "segment " + (i + 1) + " (" + Isa95Level.values()[i].label() + ") " + problem);
            }
        }
    }

    /** Parses {@code enterprise/site/area/line/cell/equipment/point}, naming the bad segment on error. */
    public static TagPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new TagPathException(String.valueOf(text), 0, "empty; expected 7 segments " + levelsHint());
        }
        String[] parts = text.split("/", -1);
        if (parts.length != Isa95Level.values().length) {
            throw new TagPathException(
                    text, 0, "has " + parts.length + " segment(s); expected 7 segments " + levelsHint());
        }
        int offset = 0;
        for (int i = 0; i < parts.length; i++) {
            String problem = segmentProblem(parts[i]);
            if (problem != null) {
                throw new TagPathException(
                        text, offset, "segment " + (i + 1) + " (" + Isa95Level.values()[i].label() + ") " + problem);
            }
            offset += parts[i].length() + 1;
        }
        return new TagPath(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
    }

    /** The segment at an ISA-95 level. */
    public String segment(Isa95Level level) {
        return switch (level) {
            case ENTERPRISE -> enterprise;
            case SITE -> site;
            case AREA -> area;
            case LINE -> line;
            case CELL -> cell;
            case EQUIPMENT -> equipment;
            case POINT -> point;
        };
    }

    public List<String> segments() {
        return List.of(enterprise, site, area, line, cell, equipment, point);
    }

    /** The same equipment, another point. */
    public TagPath withPoint(String newPoint) {
        return new TagPath(enterprise, site, area, line, cell, equipment, newPoint);
    }

    /** The path without its point: {@code enterprise/site/area/line/cell/equipment}. */
    public String equipmentPath() {
        return String.join("/", enterprise, site, area, line, cell, equipment);
    }

    /** True when this path lies under the given slash-separated prefix of whole segments. */
    public boolean isUnder(String prefix) {
        String full = toString();
        if (prefix.isEmpty() || prefix.equals(full)) {
            return true;
        }
        String p = prefix.endsWith("/") ? prefix : prefix + "/";
        return full.startsWith(p);
    }

    @Override
    public String toString() {
        return String.join("/", enterprise, site, area, line, cell, equipment, point);
    }

    private static String levelsHint() {
        return "(enterprise/site/area/line/cell/equipment/point)";
    }

    /** Returns why a segment is invalid, or null when it is valid. */
    private static String segmentProblem(String segment) {
        if (segment == null || segment.isEmpty()) {
            return "is empty";
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            return "is " + segment.length() + " characters long; at most " + MAX_SEGMENT_LENGTH + " are allowed";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "must not be '" + segment + "'";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == '.';
            if (!ok) {
                return "contains '" + printable(c) + "' at position " + (i + 1)
                        + "; only letters, digits, '_', '-' and '.' are allowed";
            }
        }
        return null;
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }
}
