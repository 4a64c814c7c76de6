package io.isthmus.wire.enip;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.enip.cip.CipAccess;
import io.isthmus.wire.enip.cip.CipGeneralStatus;
import io.isthmus.wire.enip.cip.CipMessage;
import io.isthmus.wire.enip.cip.CipObjectServices;
import io.isthmus.wire.enip.cip.EPath;
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

    /**
     * The status text of a failing reply ({@code Path destination unknown (0x05)}) by general
     * status, built on first use: a reply stream that keeps failing built it once per message.
     */
    private static final String[] FAILURE_TEXT = new String[256];

    /** {@link #statusText} by general status; a race only builds the same immutable text twice. */
    private static final String[] STATUS_TEXT = new String[256];

    /** {@link #replyText} by service and general status (128 × 256 slots at most). */
    private static final String[] REPLY_TEXT = new String[128 * 256];

    private EnipSummary() {}

    public static MessageSummary of(EnipMessage m, Direction hint) {
        EncapsulationHeader h = m.header();
        return of(h.command(), h.status(), h.sessionHandle(), h.senderContext(), m.body(), m.anomalies(), hint);
    }

    /**
     * The summary of the message whose header starts at index {@code at} of {@code b} (read in
     * place, without a header or message object: the dissector's path for commands other than
     * SendRRData and SendUnitData), with its decoded body and anomalies; the same as {@link
     * #of(EnipMessage, Direction)} gives for that message.
     */
    public static MessageSummary of(byte[] b, int at, EnipBody body, List<Anomaly> anomalies, Direction hint) {
        return of(
                Encapsulation.command(b, at),
                Encapsulation.status(b, at),
                Encapsulation.session(b, at),
                Encapsulation.senderContext(b, at),
                body,
                anomalies,
                hint);
    }

    /**
     * The summary of the SendRRData or SendUnitData message whose header starts at index {@code at}
     * of {@code b}, decoded in place into {@code sent} (the dissector's path: {@code sent} becomes
     * the attribute list) with its sequence count ({@link EnipDecoder#NO_SEQUENCE} for none); the
     * same as {@link #of(byte[], int, EnipBody, List, Direction)} gives for
     * that message with its {@link EnipBody.SendData}. {@code scans} is the dissector's record of
     * what was found in the CIP message trees it saw before.
     */
    static MessageSummary of(
            byte[] b,
            int at,
            SendDataAttributes sent,
            int sequenceCount,
            List<Anomaly> anomalies,
            Direction hint,
            Scans scans) {
        return of(
                Encapsulation.command(b, at),
                Encapsulation.status(b, at),
                sent.senderContext(),
                sent,
                sequenceCount,
                sent,
                anomalies,
                hint,
                scans);
    }

    private static MessageSummary of(
            int code,
            long encapsulationStatus,
            long session,
            long senderContext,
            EnipBody body,
            List<Anomaly> anomalies,
            Direction hint) {
        if (body instanceof EnipBody.SendData d) {
            SendDataAttributes sent = SendDataAttributes.of(session, senderContext, d);
            int sequence = d.sequenceCount().isPresent() ? d.sequenceCount().getAsInt() : EnipDecoder.NO_SEQUENCE;
            return of(code, encapsulationStatus, senderContext, sent, sequence, sent, anomalies, hint, null);
        }
        return of(
                code,
                encapsulationStatus,
                senderContext,
                null,
                EnipDecoder.NO_SEQUENCE,
                new Attributes(session, senderContext, body),
                anomalies,
                hint,
                null);
    }

    /**
     * The summary of one message: {@code sent} is its SendData (null for other bodies), whose CIP
     * messages decide the access kind and a failing reply's status, and whose sequence count (else
     * the sender context) is the transaction. {@code scans}, when not null, keeps what was found in
     * the message trees seen before.
     */
    private static MessageSummary of(
            int code,
            long encapsulationStatus,
            long senderContext,
            SendDataAttributes sent,
            int sequenceCount,
            List<Attribute> attributes,
            List<Anomaly> anomalies,
            Direction hint,
            Scans scans) {
        EncapsulationCommand command = EncapsulationCommand.of(code);
        String name = command == EncapsulationCommand.UNKNOWN
                ? "Unknown Command " + HexText.of(code, 4)
                : command.displayName();
        Optional<String> status = encapsulationStatus == 0 // Success: the usual case, without a table search
                ? Optional.empty()
                : encapsulationStatus(encapsulationStatus);
        long transaction = senderContext;
        AccessKind access = command.access();
        if (sent != null) {
            transaction = sequenceCount != EnipDecoder.NO_SEQUENCE ? sequenceCount : transaction;
            int n = sent.messageCount();
            if (n > 0) {
                // one walk over the message trees for both the access kind and the first failure
                long found = NOTHING_FOUND;
                for (int i = 0; i < n; i++) { // indexed: no iterator per message
                    CipMessage c = sent.message(i);
                    found = scans == null ? scan(c, found) : joined(found, scans.of(c));
                }
                access = CipAccess.ofRank(strongestRank(found));
                int failure = firstFailure(found);
                if (status.isEmpty() && failure != NO_FAILURE) {
                    status = Optional.of(failureText(failure));
                }
            }
        }
        return new MessageSummary(
                Protocol.ENIP,
                hint,
                code,
                name,
                access,
                MessageSummary.TRANSACTION,
                0,
                transaction,
                0,
                0,
                status,
                attributes,
                anomalies);
    }

    /** The status of a header whose status field is not Success, {@code Invalid length (0x0065)}. */
    private static Optional<String> encapsulationStatus(long code) {
        EncapsulationStatus kind = EncapsulationStatus.of(code);
        return kind == EncapsulationStatus.SUCCESS
                ? Optional.empty()
                : Optional.of(kind.displayName() + " (" + HexText.of(code, 4) + ")");
    }

    /**
     * The attributes of one message other than SendData, described from its decoded body and the
     * two header fields they show when they are read (no header or message object kept per
     * message).
     */
    private static final class Attributes extends LazyAttributes {
        private final long session;
        private final long senderContext;
        private final EnipBody body;

        Attributes(long session, long senderContext, EnipBody body) {
            this.session = session;
            this.senderContext = senderContext;
            this.body = body;
        }

        @Override
        public void writeTo(AttributeSink out) {
            header(session, senderContext, out);
            body(body, out);
        }
    }

    private static void header(long session, long senderContext, AttributeSink out) {
        out.name("enip_session");
        out.hex(session, 8);
        out.name("enip_sender_context");
        out.hex(Long.reverseBytes(senderContext), 16);
    }

    private static void body(EnipBody body, AttributeSink out) {
        switch (body) {
            case EnipBody.Empty e -> {}
            case EnipBody.Identities i -> {
                for (IdentityItem identity : i.identities()) {
                    for (Attribute a : identity.attributes()) {
                        text(a.name(), a.value(), out);
                    }
                }
            }
            case EnipBody.Services v -> {
                for (String n : v.names()) {
                    text("enip_service", n, out);
                }
            }
            case EnipBody.Session r -> {
                out.name("enip_protocol_version");
                out.decimal(r.protocolVersion());
            }
            case EnipBody.SendData d ->
                throw new IllegalStateException("a SendData body is described by SendDataAttributes, not Attributes");
        }
    }

    private static void text(String name, String value, AttributeSink out) {
        out.name(name);
        out.text(value);
    }

    /** The attributes of a SendRRData or SendUnitData message, header fields first. */
    static void writeSendData(SendDataAttributes d, AttributeSink out) {
        header(d.session(), d.senderContext(), out);
        if (d.connectionId() != SendDataAttributes.NO_CONNECTION) {
            out.name("cip_connection_id");
            out.hex(d.connectionId(), 8);
        }
        int n = d.messageCount();
        for (int i = 0; i < n; i++) {
            CipMessage c = d.message(i);
            outer(c, out);
            embedded(c, out);
        }
    }

    private static void outer(CipMessage c, AttributeSink out) {
        out.name("cip_service");
        out.hex(c.service(), 2);
        text("cip_service_name", serviceName(c), out);
        switch (c) {
            case CipMessage.Request r -> path(r.path(), out);
            case CipMessage.Response r -> {
                out.name("cip_status");
                out.text(statusText(r.generalStatus()));
                if (!r.extendedStatus().isEmpty()) {
                    out.name("cip_extended_status");
                    hexWords(r.extendedStatus(), out);
                }
            }
        }
    }

    private static void path(EPath path, AttributeSink out) {
        if (path.classId().isPresent()) {
            out.name("cip_class");
            out.hex(path.classId().getAsLong(), 2);
        }
        if (path.instanceId().isPresent()) {
            out.name("cip_instance");
            out.decimal(path.instanceId().getAsLong());
        }
        if (path.attributeId().isPresent()) {
            out.name("cip_attribute");
            out.decimal(path.attributeId().getAsLong());
        }
        if (path.symbol().isPresent()) {
            text("cip_symbol", path.symbol().get(), out);
        }
        if (!path.segments().isEmpty()) {
            out.name("cip_path");
            path.appendTo(out);
        }
    }

    /**
     * No failing reply found (yet). Decoded replies carry an octet; only a hand-built reply with
     * this general status would be taken for none.
     */
    private static final int NO_FAILURE = Integer.MIN_VALUE;

    /**
     * What {@link #scan} found so far: the first failing reply's general status in the low 32 bits
     * ({@link #NO_FAILURE}: none yet) and the strongest access kind's {@link CipAccess#rank} in the
     * high 32 (-1: none yet). Two numbers in one value, so the walk makes no object per message.
     */
    private static final long NOTHING_FOUND = found(-1, NO_FAILURE);

    private static int firstFailure(long found) {
        return (int) found;
    }

    private static int strongestRank(long found) {
        return (int) (found >> 32);
    }

    private static long found(int strongestRank, int firstFailure) {
        return (long) strongestRank << 32 | (firstFailure & 0xFFFF_FFFFL);
    }

    /**
     * Adds one message tree to {@code found}: its access kind as {@link CipAccess#of} gives it (the
     * strongest of its embedded messages, its own when it has none) and, when none was found
     * before, its first failing reply, outer before embedded, in wire order (the reply's general
     * status).
     */
    private static long scan(CipMessage c, long found) {
        int failure = firstFailure(found);
        if (failure == NO_FAILURE && c instanceof CipMessage.Response r && r.generalStatus() != 0) {
            failure = r.generalStatus();
        }
        List<CipMessage> embedded = c.embedded();
        int n = embedded.size();
        int rank;
        if (n == 0) {
            rank = CipAccess.rank(CipAccess.own(c));
        } else {
            long inner = found(-1, failure);
            CipMessage previous = null;
            for (int i = 0; i < n; i++) { // indexed: no iterator per embedded list
                CipMessage e = embedded.get(i);
                // The same message again (the decoder shares plain requests and replies, and a
                // Multiple Service Packet often repeats one) adds nothing: its kind is counted and
                // a failure in it was found the first time.
                if (e != previous) {
                    inner = scan(e, inner);
                    previous = e;
                }
            }
            rank = strongestRank(inner);
            failure = firstFailure(inner);
        }
        return found(Math.max(rank, strongestRank(found)), failure);
    }

    /**
     * What {@link #scan} finds in a tree after {@code found}, given what it finds in that tree alone
     * ({@code alone}, from {@link #NOTHING_FOUND}): the stronger access kind, and the failure found
     * before, else the tree's own first one.
     */
    private static long joined(long found, long alone) {
        int failure = firstFailure(found);
        return found(
                Math.max(strongestRank(found), strongestRank(alone)),
                failure != NO_FAILURE ? failure : firstFailure(alone));
    }

    /**
     * What {@link #scan} found in the message trees one dissector saw last, by tree (the same
     * object): the decoder hands out equal trees again (shared plain requests and replies, and
     * Multiple Service Packets of the same content), so a poll's trees are walked once, not once
     * per message. Direct-mapped, {@value #SCAN_SLOTS} slots; the messages are immutable, so a kept
     * result stays true. For one thread at a time, as a dissector is.
     */
    static final class Scans {
        private final CipMessage[] trees = new CipMessage[SCAN_SLOTS];
        private final long[] found = new long[SCAN_SLOTS];

        /** {@link #scan} of {@code c} from {@link #NOTHING_FOUND}, walked only when {@code c} is not kept. */
        long of(CipMessage c) {
            int h = System.identityHashCode(c);
            int slot = (h ^ h >>> 16) & (SCAN_SLOTS - 1);
            if (trees[slot] == c) {
                return found[slot];
            }
            long f = scan(c, NOTHING_FOUND);
            trees[slot] = c;
            found[slot] = f;
            return f;
        }
    }

    /** Slots of {@link Scans} (a power of two): a connection polls with a few message trees in turn. */
    private static final int SCAN_SLOTS = 64;

    /** The status text of a failing reply, {@code Path destination unknown (0x05)}; a race only builds the same immutable text twice. */
    private static String failureText(int code) {
        if (code < 0 || code >= FAILURE_TEXT.length) {
            return CipGeneralStatus.of(code).displayName() + " (" + HexText.of(code, 2) + ")";
        }
        String text = FAILURE_TEXT[code];
        if (text == null) {
            text = CipGeneralStatus.of(code).displayName() + " (" + HexText.of(code, 2) + ")";
            FAILURE_TEXT[code] = text;
        }
        return text;
    }

    private static void embedded(CipMessage c, AttributeSink out) {
        List<CipMessage> embedded = c.embedded();
        for (int i = 0; i < embedded.size(); i++) {
            CipMessage inner = embedded.get(i);
            out.name("cip_embedded");
            describe(inner, out);
            embedded(inner, out);
        }
    }

    /** {@code 0x07 Stop class 0x8E instance 1}, {@code 0x83 Get_Attribute_List reply Success}. */
    private static void describe(CipMessage c, AttributeSink out) {
        switch (c) {
            case CipMessage.Request r
            when r.path().isShared() -> out.text(r.path().requestText(r.service()));
            case CipMessage.Request r -> {
                out.hex(c.service(), 2);
                out.text(" ");
                out.text(serviceName(c));
                if (!r.path().segments().isEmpty()) {
                    out.text(" ");
                    r.path().appendTo(out);
                }
            }
            case CipMessage.Response r -> out.text(replyText(r));
        }
    }

    /** {@code 0x00 Success}: the general status in hex and its name, by status (built on first use). */
    private static String statusText(int code) {
        if (code < 0 || code >= STATUS_TEXT.length) {
            return HexText.of(code, 2) + " " + CipGeneralStatus.of(code).displayName();
        }
        String text = STATUS_TEXT[code];
        if (text == null) {
            text = HexText.of(code, 2) + " " + CipGeneralStatus.of(code).displayName();
            STATUS_TEXT[code] = text;
        }
        return text;
    }

    /**
     * {@code 0x83 Get_Attribute_List reply Success} by service (0..127, the response bit removed)
     * and general status, built on first use: the replies of a Multiple Service Packet repeat one.
     */
    private static String replyText(CipMessage.Response r) {
        int service = r.service();
        int code = r.generalStatus();
        if (service < 0 || service > 0x7F || code < 0 || code > 0xFF) { // not from the decoder
            return HexText.of(service, 2) + " " + serviceName(r) + " reply "
                    + r.status().displayName();
        }
        int slot = service << 8 | code;
        String text = REPLY_TEXT[slot];
        if (text == null) {
            text = HexText.of(service, 2) + " " + serviceName(r) + " reply "
                    + r.status().displayName();
            REPLY_TEXT[slot] = text;
        }
        return text;
    }

    private static String serviceName(CipMessage c) {
        return switch (c) {
            case CipMessage.Request r ->
                CipObjectServices.name(
                        r.service(), r.path().classId(), r.path().symbol().isPresent());
            case CipMessage.Response r -> CipObjectServices.name(r.service(), OptionalLong.empty(), false);
        };
    }

    /** Extended status words, {@code 0x0107 0x0000}. */
    private static void hexWords(List<Integer> words, AttributeSink out) {
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                out.text(" ");
            }
            out.hex(words.get(i), 4);
        }
    }
}
