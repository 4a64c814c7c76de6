package io.isthmus.wire.enip.cip;

import io.isthmus.wire.HexText;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * A decoded request path: where a CIP request goes (class, instance, attribute, or a tag name).
 * The values a classifier asks for are worked out once, when the path is built, because every
 * embedded request of a Multiple Service Packet asks for them again.
 */
public final class EPath {

    public static final EPath EMPTY = new EPath(List.of());

    private final List<PathSegment> segments;
    private final OptionalLong classId;
    private final OptionalLong instanceId;
    private final OptionalLong attributeId;
    private final Optional<String> symbol;
    /** {@link #text()}, worked out on first use: a summary asks for it once or twice per path. */
    private String text;

    public EPath(List<PathSegment> segments) {
        this.segments = List.copyOf(segments);
        this.classId = last(segments, LogicalType.CLASS_ID);
        this.instanceId = last(segments, LogicalType.INSTANCE_ID);
        this.attributeId = last(segments, LogicalType.ATTRIBUTE_ID);
        this.symbol = symbol(segments);
    }

    public List<PathSegment> segments() {
        return segments;
    }

    /** The class of the last class segment (a routed path repeats class and instance). */
    public OptionalLong classId() {
        return classId;
    }

    public OptionalLong instanceId() {
        return instanceId;
    }

    public OptionalLong attributeId() {
        return attributeId;
    }

    /** The tag name of a symbolic path, segments joined with dots. */
    public Optional<String> symbol() {
        return symbol;
    }

    private static OptionalLong last(List<PathSegment> segments, LogicalType type) {
        OptionalLong found = OptionalLong.empty();
        for (PathSegment s : segments) {
            if (s instanceof PathSegment.Logical l && l.type() == type) {
                found = OptionalLong.of(l.value());
            }
        }
        return found;
    }

    private static Optional<String> symbol(List<PathSegment> segments) {
        StringJoiner name = null;
        for (PathSegment s : segments) {
            if (s instanceof PathSegment.Symbolic y) {
                name = name == null ? new StringJoiner(".") : name;
                name.add(y.name());
            }
        }
        return name == null ? Optional.empty() : Optional.of(name.toString());
    }

    /** The path as text: {@code class 0x01 instance 1 attribute 7}, {@code symbol Tag}, {@code port 1 link 0}. */
    public String text() {
        String t = text;
        if (t == null) {
            t = buildText();
            text = t;
        }
        return t;
    }

    private String buildText() {
        StringBuilder out = new StringBuilder();
        for (PathSegment s : segments) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            switch (s) {
                case PathSegment.Port p ->
                    out.append("port ").append(p.port()).append(" link ").append(p.linkAddress());
                case PathSegment.Logical l -> logical(l, out);
                case PathSegment.Symbolic y -> out.append("symbol ").append(y.name());
                case PathSegment.Data d -> out.append("data ").append(d.words()).append(" words");
                case PathSegment.Network n -> out.append("network ").append(HexText.of(n.subtype(), 2));
            }
        }
        return out.toString();
    }

    /** Appends in place: no intermediate string per segment. */
    private static void logical(PathSegment.Logical l, StringBuilder out) {
        switch (l.type()) {
            case CLASS_ID -> out.append("class ").append(HexText.of(l.value(), 2));
            case INSTANCE_ID -> out.append("instance ").append(l.value());
            case ATTRIBUTE_ID -> out.append("attribute ").append(l.value());
            case MEMBER_ID -> out.append("member ").append(l.value());
            case CONNECTION_POINT -> out.append("connection point ").append(l.value());
            case SPECIAL -> out.append("electronic key");
            case SERVICE_ID -> out.append("service ").append(l.value());
            case RESERVED -> out.append("reserved");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EPath other && segments.equals(other.segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return "EPath[" + text() + "]";
    }
}
