package io.isthmus.model;

import java.util.Arrays;
import java.util.List;

/**
 * An ISA-95 path naming one data point: {@code enterprise/site/area/line/cell/equipment/point}.
 *
 * <p>Seven segments, always: the fixed depth lets the unified namespace, MQTT topics and access
 * rules address a level by position (IEC 62264-1 equipment hierarchy, extended by a point). Segments
 * use letters, digits, {@code _ - .}, are 1 to 64 characters long and never contain MQTT wildcards
 * or separators (MQTT 5.0, 4.7), so a path is also a valid MQTT topic.
 *
 * <p>Every error names the segment by number and ISA-95 level and gives the character offset where
 * the problem starts, whether the path came from {@link #parse} or from the constructor.
 */
public record TagPath(
        String enterprise, String site, String area, String line, String cell, String equipment, String point) {

    public static final int MAX_SEGMENT_LENGTH = 64;
    public static final char SEPARATOR = '/';

    private static final int DEPTH = Isa95Level.values().length;

    public TagPath {
        List<String> segments = Arrays.asList(enterprise, site, area, line, cell, equipment, point);
        String input = String.join(
                String.valueOf(SEPARATOR),
                segments.stream().map(String::valueOf).toList());
        int offset = 0;
        for (int i = 0; i < segments.size(); i++) {
            checkSegment(input, i, segments.get(i), offset);
            offset += segments.get(i).length() + 1;
        }
    }

    /** Parses {@code enterprise/site/area/line/cell/equipment/point}, naming the bad segment on error. */
    public static TagPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new TagPathException(String.valueOf(text), 0, "is empty; expected 7 segments " + levelsHint());
        }
        if (text.charAt(0) == SEPARATOR) {
            throw new TagPathException(text, 0, "segment 1 (enterprise) is empty: a tag path does not start with '/'");
        }
        if (text.charAt(text.length() - 1) == SEPARATOR) {
            throw new TagPathException(
                    text, text.length() - 1, "ends with '/': a tag path has no segment after 7 (point)");
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length < DEPTH) {
            int missing = parts.length;
            throw new TagPathException(
                    text,
                    text.length(),
                    "has " + parts.length + " segment(s); segment " + (missing + 1) + " ("
                            + Isa95Level.values()[missing].label() + ") is missing; expected 7 segments "
                            + levelsHint());
        }
        if (parts.length > DEPTH) {
            int extraOffset = offsetOfSegment(parts, DEPTH);
            throw new TagPathException(
                    text,
                    extraOffset,
                    "has " + parts.length + " segments; segment 8 '" + parts[DEPTH]
                            + "' is one too many; expected 7 segments " + levelsHint());
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

    private static int offsetOfSegment(String[] parts, int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            offset += parts[i].length() + 1;
        }
        return offset;
    }

    /** Throws when a segment breaks the naming rules; {@code start} is its offset in {@code input}. */
    private static void checkSegment(String input, int index, String segment, int start) {
        String name = "segment " + (index + 1) + " (" + Isa95Level.values()[index].label() + ")";
        if (segment == null) {
            throw new TagPathException(input, start, name + " is missing (null)");
        }
        if (segment.isEmpty()) {
            throw new TagPathException(input, start, name + " is empty");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new TagPathException(
                    input,
                    start,
                    name + " is " + segment.length() + " characters long; at most " + MAX_SEGMENT_LENGTH
                            + " are allowed");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new TagPathException(
                    input, start, name + " is '" + segment + "', which reads as a relative path step");
        }
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            if (!isAllowed(c)) {
                throw new TagPathException(
                        input,
                        start + i,
                        name + " '" + segment + "' contains " + describe(c)
                                + "; only letters a-z A-Z, digits, '_', '-' and '.' are allowed");
            }
            i += Character.charCount(c);
        }
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.';
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        return switch (c) {
            case '+' -> "'+' (" + code + ", the MQTT single-level wildcard)";
            case '#' -> "'#' (" + code + ", the MQTT multi-level wildcard)";
            default ->
                Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                        ? code + " (" + Character.getName(c) + ")"
                        : "'" + Character.toString(c) + "' (" + code + ")";
        };
    }
}
