package io.isthmus.wire.enip.cip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/** A decoded request path: where a CIP request goes (class, instance, attribute, or a tag name). */
public record EPath(List<PathSegment> segments) {

    public static final EPath EMPTY = new EPath(List.of());

    public EPath {
        segments = List.copyOf(segments);
    }

    public OptionalLong classId() {
        return logical(LogicalType.CLASS_ID);
    }

    public OptionalLong instanceId() {
        return logical(LogicalType.INSTANCE_ID);
    }

    public OptionalLong attributeId() {
        return logical(LogicalType.ATTRIBUTE_ID);
    }

    /** The tag name of a symbolic path, segments joined with dots. */
    public Optional<String> symbol() {
        StringJoiner name = new StringJoiner(".");
        segments.stream()
                .filter(s -> s instanceof PathSegment.Symbolic)
                .forEach(s -> name.add(((PathSegment.Symbolic) s).name()));
        return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
    }

    /** The last logical segment of a type (nested paths repeat class and instance). */
    private OptionalLong logical(LogicalType type) {
        OptionalLong found = OptionalLong.empty();
        for (PathSegment s : segments) {
            if (s instanceof PathSegment.Logical l && l.type() == type) {
                found = OptionalLong.of(l.value());
            }
        }
        return found;
    }

    /** The path as text: {@code class 0x01 instance 1 attribute 7}, {@code symbol Tag}, {@code port 1 link 0}. */
    public String text() {
        StringJoiner out = new StringJoiner(" ");
        for (PathSegment s : segments) {
            out.add(
                    switch (s) {
                        case PathSegment.Port p -> "port " + p.port() + " link " + p.linkAddress();
                        case PathSegment.Logical l ->
                            switch (l.type()) {
                                case CLASS_ID -> String.format("class 0x%02X", l.value());
                                case INSTANCE_ID -> "instance " + l.value();
                                case ATTRIBUTE_ID -> "attribute " + l.value();
                                case MEMBER_ID -> "member " + l.value();
                                case CONNECTION_POINT -> "connection point " + l.value();
                                case SPECIAL -> "electronic key";
                                case SERVICE_ID -> "service " + l.value();
                                case RESERVED -> "reserved";
                            };
                        case PathSegment.Symbolic y -> "symbol " + y.name();
                        case PathSegment.Data d -> "data " + d.words() + " words";
                        case PathSegment.Network n -> String.format("network 0x%02X", n.subtype());
                    });
        }
        return out.toString();
    }
}
