package io.isthmus.wire.enip.cip;

import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.ValueText;
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
    /**
     * Set once by {@link EPathDecoder} before the path is handed out from its cache of short
     * paths: such a path is written again and again, so its text is made once and reused.
     */
    private boolean shared;
    /** {@link #requestText}'s last text, kept for a shared path only. */
    private RequestText lastRequest;
    /** {@link #plainRequest}'s last request, kept for a shared path only. */
    private CipMessage.Request lastPlainRequest;

    public EPath(List<PathSegment> segments) {
        this.segments = List.copyOf(segments);
        // One indexed pass over the copy for all four values: no iterator and no OptionalLong per
        // segment (this runs once per CIP request on the dissect hot path, under C1 in analyze).
        long classValue = -1;
        long instanceValue = -1;
        long attributeValue = -1;
        boolean hasClass = false;
        boolean hasInstance = false;
        boolean hasAttribute = false;
        StringJoiner name = null;
        List<PathSegment> all = this.segments;
        for (int i = 0; i < all.size(); i++) {
            PathSegment s = all.get(i);
            if (s instanceof PathSegment.Logical l) {
                switch (l.type()) {
                    case CLASS_ID -> {
                        classValue = l.value();
                        hasClass = true;
                    }
                    case INSTANCE_ID -> {
                        instanceValue = l.value();
                        hasInstance = true;
                    }
                    case ATTRIBUTE_ID -> {
                        attributeValue = l.value();
                        hasAttribute = true;
                    }
                    case MEMBER_ID, CONNECTION_POINT, SPECIAL, SERVICE_ID, RESERVED -> {
                        // not one of the values a classifier asks for
                    }
                }
            } else if (s instanceof PathSegment.Symbolic y) {
                name = name == null ? new StringJoiner(".") : name;
                name.add(y.name());
            }
        }
        this.classId = hasClass ? MessageSummary.number(classValue) : OptionalLong.empty();
        this.instanceId = hasInstance ? MessageSummary.number(instanceValue) : OptionalLong.empty();
        this.attributeId = hasAttribute ? MessageSummary.number(attributeValue) : OptionalLong.empty();
        this.symbol = name == null ? Optional.empty() : Optional.of(name.toString());
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
        ValueText out = new ValueText(32);
        appendSegments(out);
        return out.toString();
    }

    /**
     * A request's description, {@code 0x4C Read_Tag class 0x6B instance 1}: the service code, its
     * name for this path ({@link CipObjectServices#name}) and {@link #text()}, space separated (no
     * path text for an empty path). A {@linkplain #isShared shared} path keeps the last one made:
     * the requests of a Multiple Service Packet mostly repeat one service on one path.
     */
    public String requestText(int service) {
        RequestText last = lastRequest;
        if (last != null && last.service == service) {
            return last.text;
        }
        String name = CipObjectServices.name(service, classId, symbol.isPresent());
        String t = segments.isEmpty()
                ? HexText.of(service, 2) + " " + name
                : HexText.of(service, 2) + " " + name + " " + text();
        if (shared) {
            lastRequest = new RequestText(service, t);
        }
        return t;
    }

    /** Immutable, so a thread that reads the field while another replaces it sees a whole pair. */
    private record RequestText(int service, String text) {}

    /**
     * A request of {@code service} to this path that carries no embedded messages. A {@linkplain
     * #isShared shared} path keeps the last one made (an immutable record, so a racing thread sees
     * a whole one): the polls of a plant repeat one service on one path, message after message.
     */
    CipMessage.Request plainRequest(int service) {
        CipMessage.Request last = lastPlainRequest;
        if (last != null && last.service() == service) {
            return last;
        }
        CipMessage.Request r = new CipMessage.Request(service, this, List.of());
        if (shared) {
            lastPlainRequest = r;
        }
        return r;
    }

    void markShared() {
        shared = true;
    }

    /**
     * True for a path handed out by the decoder's cache of short paths (the same object for every
     * request with these octets), so texts made from it can be kept by identity.
     */
    public boolean isShared() {
        return shared;
    }

    /**
     * Appends {@link #text()} to the current value of {@code out}: a {@linkplain #isShared shared}
     * path as its one kept text, any other without making the string (the JSON writer writes a
     * path's text straight into its buffer).
     */
    public void appendTo(AttributeSink out) {
        if (shared) {
            out.text(text());
        } else {
            appendSegments(out);
        }
    }

    private void appendSegments(AttributeSink out) {
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                out.text(" ");
            }
            switch (segments.get(i)) {
                case PathSegment.Port p -> {
                    out.text("port ");
                    out.decimal(p.port());
                    out.text(" link ");
                    out.text(p.linkAddress());
                }
                case PathSegment.Logical l -> logical(l, out);
                case PathSegment.Symbolic y -> {
                    out.text("symbol ");
                    out.text(y.name());
                }
                case PathSegment.Data d -> {
                    out.text("data ");
                    out.decimal(d.words());
                    out.text(" words");
                }
                case PathSegment.Network n -> {
                    out.text("network ");
                    out.hex(n.subtype(), 2);
                }
            }
        }
    }

    private static void logical(PathSegment.Logical l, AttributeSink out) {
        switch (l.type()) {
            case CLASS_ID -> {
                out.text("class ");
                out.hex(l.value(), 2);
            }
            case INSTANCE_ID -> number("instance ", l.value(), out);
            case ATTRIBUTE_ID -> number("attribute ", l.value(), out);
            case MEMBER_ID -> number("member ", l.value(), out);
            case CONNECTION_POINT -> number("connection point ", l.value(), out);
            case SPECIAL -> out.text("electronic key");
            case SERVICE_ID -> number("service ", l.value(), out);
            case RESERVED -> out.text("reserved");
        }
    }

    private static void number(String label, long value, AttributeSink out) {
        out.text(label);
        out.decimal(value);
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
