package io.isthmus.wire.enip;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.enip.cip.CipAccess;
import io.isthmus.wire.enip.cip.CipMessage;
import io.isthmus.wire.enip.cip.CipObjectServices;
import io.isthmus.wire.enip.cip.EPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One summary per encapsulation message, so counting EtherNet/IP is counting summaries: the
 * function is the encapsulation command (tshark's {@code enip.command}), the direction is the
 * session layer's (requests go to port 44818), the transaction is the sender context (its 8
 * octets read little-endian as one 64-bit value, negative when the top bit is set; attribute
 * {@code enip_sender_context} shows the octets in wire order), or the connected sequence count for
 * SendUnitData. The CIP messages inside become attributes, outermost
 * first, and decide the access kind (the strongest of them, {@link CipAccess}):
 *
 * <ul>
 *   <li>the outer message: {@code cip_service} (hex), {@code cip_service_name}, {@code
 *       cip_class}, {@code cip_instance}, {@code cip_attribute}, {@code cip_symbol} and {@code
 *       cip_path} for requests, {@code cip_status} and {@code cip_extended_status} for replies;
 *   <li>each embedded message (Multiple Service Packet, Unconnected Send): one {@code cip_embedded}
 *       attribute such as {@code 0x07 Stop class 0x8E instance 1} or {@code 0x83
 *       Get_Attribute_List reply Success}.
 * </ul>
 */
public final class EnipSummary {

    private EnipSummary() {}

    public static MessageSummary of(EnipMessage m, Direction hint) {
        EncapsulationHeader h = m.header();
        EncapsulationCommand command = h.commandKind();
        String name = command == EncapsulationCommand.UNKNOWN
                ? String.format("Unknown Command 0x%04X", h.command())
                : command.displayName();
        MessageSummary s = MessageSummary.of(Protocol.ENIP, hint, h.command(), name, access(m))
                .withTransaction(h.senderContext())
                .withAttribute("enip_session", String.format("0x%08X", h.sessionHandle()))
                .withAttribute("enip_sender_context", String.format("0x%016X", Long.reverseBytes(h.senderContext())));
        if (h.statusKind() != EncapsulationStatus.SUCCESS) {
            s = s.withStatus(String.format("%s (0x%04X)", h.statusKind().displayName(), h.status()));
        }
        s = body(s, m.body());
        for (Anomaly a : m.anomalies()) {
            s = s.withAnomaly(a);
        }
        return s;
    }

    private static AccessKind access(EnipMessage m) {
        if (m.body() instanceof EnipBody.SendData d && !d.messages().isEmpty()) {
            AccessKind strongest = null;
            for (CipMessage c : d.messages()) {
                strongest = CipAccess.stronger(strongest, CipAccess.of(c));
            }
            return strongest;
        }
        return m.header().commandKind().access();
    }

    private static MessageSummary body(MessageSummary s, EnipBody body) {
        return switch (body) {
            case EnipBody.Empty e -> s;
            case EnipBody.Identities i -> {
                MessageSummary out = s;
                for (IdentityItem identity : i.identities()) {
                    out = with(out, identity.attributes());
                }
                yield out;
            }
            case EnipBody.Services v -> {
                MessageSummary out = s;
                for (String service : v.names()) {
                    out = out.withAttribute("enip_service", service);
                }
                yield out;
            }
            case EnipBody.Session r -> s.withAttribute("enip_protocol_version", Integer.toString(r.protocolVersion()));
            case EnipBody.SendData d -> sendData(s, d);
        };
    }

    private static MessageSummary sendData(MessageSummary s, EnipBody.SendData d) {
        MessageSummary out = s;
        if (d.sequenceCount().isPresent()) {
            out = out.withTransaction(d.sequenceCount().getAsInt());
        }
        if (d.connectionId().isPresent()) {
            out = out.withAttribute(
                    "cip_connection_id",
                    String.format("0x%08X", d.connectionId().getAsLong()));
        }
        for (CipMessage c : d.messages()) {
            out = with(out, outer(c));
            out = withStatus(out, c);
            List<Attribute> embedded = new ArrayList<>();
            embedded(c, embedded);
            out = with(out, embedded);
        }
        return out;
    }

    private static List<Attribute> outer(CipMessage c) {
        List<Attribute> a = new ArrayList<>();
        a.add(new Attribute("cip_service", String.format("0x%02X", c.service())));
        a.add(new Attribute("cip_service_name", serviceName(c)));
        switch (c) {
            case CipMessage.Request r -> path(r.path(), a);
            case CipMessage.Response r -> {
                a.add(new Attribute(
                        "cip_status",
                        String.format("0x%02X %s", r.generalStatus(), r.status().displayName())));
                if (!r.extendedStatus().isEmpty()) {
                    a.add(new Attribute("cip_extended_status", hexWords(r.extendedStatus())));
                }
            }
        }
        return a;
    }

    private static void path(EPath path, List<Attribute> a) {
        path.classId().ifPresent(v -> a.add(new Attribute("cip_class", String.format("0x%02X", v))));
        path.instanceId().ifPresent(v -> a.add(new Attribute("cip_instance", Long.toString(v))));
        path.attributeId().ifPresent(v -> a.add(new Attribute("cip_attribute", Long.toString(v))));
        path.symbol().ifPresent(v -> a.add(new Attribute("cip_symbol", v)));
        if (!path.segments().isEmpty()) {
            a.add(new Attribute("cip_path", path.text()));
        }
    }

    /** The first failing reply, outer before embedded, becomes the summary's status. */
    private static MessageSummary withStatus(MessageSummary s, CipMessage c) {
        if (s.status().isPresent()) {
            return s;
        }
        Optional<CipMessage.Response> failed = firstFailure(c);
        return failed.map(r ->
                        s.withStatus(String.format("%s (0x%02X)", r.status().displayName(), r.generalStatus())))
                .orElse(s);
    }

    private static Optional<CipMessage.Response> firstFailure(CipMessage c) {
        if (c instanceof CipMessage.Response r && r.generalStatus() != 0) {
            return Optional.of(r);
        }
        for (CipMessage inner : c.embedded()) {
            Optional<CipMessage.Response> f = firstFailure(inner);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    private static void embedded(CipMessage c, List<Attribute> out) {
        for (CipMessage inner : c.embedded()) {
            out.add(new Attribute("cip_embedded", describe(inner)));
            embedded(inner, out);
        }
    }

    private static String describe(CipMessage c) {
        String head = String.format("0x%02X %s", c.service(), serviceName(c));
        return switch (c) {
            case CipMessage.Request r ->
                r.path().segments().isEmpty() ? head : head + " " + r.path().text();
            case CipMessage.Response r -> head + " reply " + r.status().displayName();
        };
    }

    private static String serviceName(CipMessage c) {
        return switch (c) {
            case CipMessage.Request r ->
                CipObjectServices.name(
                        r.service(), r.path().classId(), r.path().symbol().isPresent());
            case CipMessage.Response r -> CipObjectServices.name(r.service(), java.util.OptionalLong.empty(), false);
        };
    }

    private static String hexWords(List<Integer> words) {
        List<String> hex = new ArrayList<>();
        words.forEach(w -> hex.add(String.format("0x%04X", w)));
        return String.join(" ", hex);
    }

    private static MessageSummary with(MessageSummary s, List<Attribute> attributes) {
        MessageSummary out = s;
        for (Attribute a : attributes) {
            out = out.withAttribute(a.name(), a.value());
        }
        return out;
    }
}
