package io.isthmus.wire.enip;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.enip.cip.CipAccess;
import io.isthmus.wire.enip.cip.CipMessage;
import io.isthmus.wire.enip.cip.CipObjectServices;
import io.isthmus.wire.enip.cip.EPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One summary per encapsulation message, so counting EtherNet/IP is counting summaries: the
 * function is the encapsulation command (tshark's {@code enip.command}), the direction is the
 * session layer's (requests go to port 44818), the transaction is the sender context (its 8
 * octets read little-endian as one 64-bit value, negative when the top bit is set; attribute
 * {@code enip_sender_context} shows the octets in wire order), or the connected sequence count for
 * SendUnitData. The CIP messages inside become attributes, outermost first, and decide the access kind (the strongest of them, {@link CipAccess}):
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
                ? "Unknown Command " + HexText.of(h.command(), 4)
                : command.displayName();
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("enip_session", HexText.of(h.sessionHandle(), 8)));
        attributes.add(new Attribute("enip_sender_context", HexText.of(Long.reverseBytes(h.senderContext()), 16)));
        Optional<String> status = h.statusKind() == EncapsulationStatus.SUCCESS
                ? Optional.empty()
                : Optional.of(h.statusKind().displayName() + " (" + HexText.of(h.status(), 4) + ")");
        long transaction = h.senderContext();
        if (m.body() instanceof EnipBody.SendData d) {
            transaction = d.sequenceCount().isPresent() ? d.sequenceCount().getAsInt() : transaction;
            status = status.or(() -> firstFailure(d.messages()));
        }
        body(m.body(), attributes);
        return new MessageSummary(
                Protocol.ENIP,
                hint,
                h.command(),
                name,
                access(m),
                OptionalLong.empty(),
                OptionalLong.of(transaction),
                OptionalLong.empty(),
                OptionalLong.empty(),
                status,
                attributes,
                m.anomalies());
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

    private static void body(EnipBody body, List<Attribute> out) {
        switch (body) {
            case EnipBody.Empty e -> {}
            case EnipBody.Identities i -> i.identities().forEach(identity -> out.addAll(identity.attributes()));
            case EnipBody.Services v -> v.names().forEach(n -> out.add(new Attribute("enip_service", n)));
            case EnipBody.Session r ->
                out.add(new Attribute("enip_protocol_version", Integer.toString(r.protocolVersion())));
            case EnipBody.SendData d -> sendData(d, out);
        }
    }

    private static void sendData(EnipBody.SendData d, List<Attribute> out) {
        d.connectionId().ifPresent(id -> out.add(new Attribute("cip_connection_id", HexText.of(id, 8))));
        for (CipMessage c : d.messages()) {
            outer(c, out);
            embedded(c, out);
        }
    }

    private static void outer(CipMessage c, List<Attribute> out) {
        out.add(new Attribute("cip_service", HexText.of(c.service(), 2)));
        out.add(new Attribute("cip_service_name", serviceName(c)));
        switch (c) {
            case CipMessage.Request r -> path(r.path(), out);
            case CipMessage.Response r -> {
                out.add(new Attribute(
                        "cip_status",
                        HexText.of(r.generalStatus(), 2) + " " + r.status().displayName()));
                if (!r.extendedStatus().isEmpty()) {
                    out.add(new Attribute("cip_extended_status", hexWords(r.extendedStatus())));
                }
            }
        }
    }

    private static void path(EPath path, List<Attribute> out) {
        path.classId().ifPresent(v -> out.add(new Attribute("cip_class", HexText.of(v, 2))));
        path.instanceId().ifPresent(v -> out.add(new Attribute("cip_instance", Long.toString(v))));
        path.attributeId().ifPresent(v -> out.add(new Attribute("cip_attribute", Long.toString(v))));
        path.symbol().ifPresent(v -> out.add(new Attribute("cip_symbol", v)));
        if (!path.segments().isEmpty()) {
            out.add(new Attribute("cip_path", path.text()));
        }
    }

    /** The first failing reply, outer before embedded, in wire order. */
    private static Optional<String> firstFailure(List<CipMessage> messages) {
        for (int i = 0; i < messages.size(); i++) { // indexed: no iterator per (mostly empty) list
            CipMessage c = messages.get(i);
            if (c instanceof CipMessage.Response r && r.generalStatus() != 0) {
                return Optional.of(r.status().displayName() + " (" + HexText.of(r.generalStatus(), 2) + ")");
            }
            Optional<String> inner = firstFailure(c.embedded());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    private static void embedded(CipMessage c, List<Attribute> out) {
        List<CipMessage> embedded = c.embedded();
        for (int i = 0; i < embedded.size(); i++) {
            CipMessage inner = embedded.get(i);
            out.add(new Attribute("cip_embedded", describe(inner)));
            embedded(inner, out);
        }
    }

    private static String describe(CipMessage c) {
        String head = HexText.of(c.service(), 2) + " " + serviceName(c);
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
            case CipMessage.Response r -> CipObjectServices.name(r.service(), OptionalLong.empty(), false);
        };
    }

    private static String hexWords(List<Integer> words) {
        List<String> hex = new ArrayList<>();
        words.forEach(w -> hex.add(HexText.of(w, 4)));
        return String.join(" ", hex);
    }
}
