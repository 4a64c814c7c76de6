package io.isthmus.observe.detect;

import io.isthmus.model.AssetId;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request observation as the detectors read it: the sender and receiver as hosts, the frame
 * number, and helpers to describe it as evidence. Built once per observation and shared.
 */
final class Seen {
    final Observation o;
    final MessageSummary m;
    final long frame;
    final Host src;
    final Host dst;

    private Seen(Observation o, long frame, Host src, Host dst) {
        this.o = o;
        this.m = o.message();
        this.frame = frame;
        this.src = src;
        this.dst = dst;
    }

    /**
     * The observation as detection sees it; null (not an {@code Optional}: this runs for every
     * request) when it lacks an IP or MAC address on either side.
     */
    static Seen of(Observation o, long frame) {
        Host src = host(o.src(), o.srcMac());
        Host dst = host(o.dst(), o.dstMac());
        if (src == null || dst == null) {
            return null;
        }
        return new Seen(o, frame, src, dst);
    }

    private static Host host(Optional<IpAddress> ip, long mac) {
        if (ip.isPresent()) {
            return new Host.Ip(ip.get());
        }
        return mac >= 0 ? new Host.Mac(mac) : null;
    }

    long time() {
        return o.timestampNanos();
    }

    /** The target first, then the source, then their MACs where the IPs stand for them. */
    List<AssetId> assets() {
        List<AssetId> out = new ArrayList<>(4);
        out.add(dst.assetId());
        out.add(src.assetId());
        return out;
    }

    /** The value of the message attribute, or empty. */
    Optional<String> attribute(String name) {
        String v = attributeOrNull(name);
        return v == null ? Optional.empty() : Optional.of(v);
    }

    /**
     * The value of the message attribute, or null: for the per-request checks (indexed, as every
     * attribute list of a {@link MessageSummary} is random access, so no iterator either).
     */
    String attributeOrNull(String name) {
        List<Attribute> attributes = m.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Attribute a = attributes.get(i);
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    EvidenceItem evidence(String detail) {
        return new EvidenceItem(time(), frame, m.function(), m.functionName(), m.address(), detail);
    }

    /** {@code Write Single Coil (5) unit 1 address 0 values 0}. */
    String describe() {
        StringBuilder b = new StringBuilder(m.functionName())
                .append(" (")
                .append(m.function())
                .append(')');
        m.unit().ifPresent(u -> b.append(" unit ").append(u));
        m.address().ifPresent(a -> b.append(" address ").append(a));
        m.quantity().ifPresent(q -> {
            if (q > 1) {
                b.append(" x").append(q);
            }
        });
        attribute("values").ifPresent(v -> b.append(" values ").append(v));
        return b.toString();
    }
}
