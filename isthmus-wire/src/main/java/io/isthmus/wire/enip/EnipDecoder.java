package io.isthmus.wire.enip;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Octets;
import io.isthmus.wire.PrintableText;
import io.isthmus.wire.enip.cip.CipDecoder;
import io.isthmus.wire.enip.cip.CipError;
import io.isthmus.wire.enip.cip.CipMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes the data of one framed encapsulation message by command: identity and service items of
 * the list replies, RegisterSession's version, and the Common Packet Format of SendRRData and
 * SendUnitData (interface handle, timeout, items) with the CIP messages of their data items.
 * Keeps nothing between messages, but reuses its working lists (no objects per message for them):
 * one decoder per thread at a time, as a dissector is.
 */
public final class EnipDecoder {

    private static final int LIST_SERVICES_NAME = 16;

    private final EnipLimits limits;
    private final CipDecoder cip;
    /** The anomalies of the message being decoded; emptied by each {@link #decode}, copied out by {@link #anomalies}. */
    private final List<Anomaly> found = new ArrayList<>();
    /**
     * The last connection id read, as the present {@link OptionalLong} handed out: one direction
     * of a connected flow repeats one id (32 bits, too wide for a shared table) in every message.
     */
    private OptionalLong lastConnection = OptionalLong.empty();
    /** The CIP messages of the SendData being decoded. */
    private final CipMessages cipMessages = new CipMessages();
    /**
     * The connection id of the SendData being decoded (32 bits), or {@link
     * SendDataAttributes#NO_CONNECTION} when it has none.
     */
    private long sendConnection = SendDataAttributes.NO_CONNECTION;
    /** No sequence count (an unconnected message). */
    static final int NO_SEQUENCE = -1;

    /** The sequence count of the SendData being decoded (16 bits), or {@link #NO_SEQUENCE}. */
    private int sendSequence = NO_SEQUENCE;

    /**
     * The connected sequence count (16 bits) as a present {@link OptionalInt}, one shared instance
     * per value, built on first use (a race only builds an equal immutable value twice).
     */
    private static final OptionalInt[] SEQUENCE = new OptionalInt[1 << 16];

    public EnipDecoder(EnipLimits limits) {
        this.limits = limits;
        this.cip = new CipDecoder(limits.maxEmbedded(), limits.maxNesting(), limits.maxPathSegments());
    }

    /**
     * Decodes the message whose header starts at index {@code at} of {@code b} (a dissector's
     * array, {@link io.isthmus.wire.Octets}); the whole message, {@code header.totalLength()}
     * octets, must be present there. Nothing outside it is read.
     */
    public EnipMessage decode(byte[] b, int at, EncapsulationHeader header) {
        EnipBody body = body(b, at, header.commandKind(), header.length());
        return new EnipMessage(header, body, anomalies());
    }

    /**
     * The body of the message whose header starts at index {@code at} of {@code b}, as {@link
     * #decode} gives it, read from the header in place (no header or message object: the
     * dissector's path); the whole message must be present. What was wrong inside it is then
     * {@link #anomalies()}, until the next call.
     */
    public EnipBody decode(byte[] b, int at) {
        return body(b, at, EncapsulationCommand.of(Encapsulation.command(b, at)), Encapsulation.dataLength(b, at));
    }

    /**
     * The anomalies of the message last decoded, as an immutable list ({@code List.of()} when none,
     * as for most messages: no copy); the working list keeps none past this call.
     */
    public List<Anomaly> anomalies() {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Anomaly> copy = List.copyOf(found);
        found.clear();
        return copy;
    }

    private EnipBody body(byte[] b, int at, EncapsulationCommand command, int length) {
        int data = at + EnipLimits.HEADER_LENGTH;
        List<Anomaly> anomalies = found;
        anomalies.clear();
        return switch (command) {
            case LIST_IDENTITY -> length == 0 ? new EnipBody.Empty() : identities(b, data, length, anomalies);
            case LIST_SERVICES -> length == 0 ? new EnipBody.Empty() : services(b, data, length, anomalies);
            case REGISTER_SESSION -> session(b, data, length, anomalies);
            case SEND_RR_DATA, SEND_UNIT_DATA -> sendData(b, data, length, anomalies);
            case NOP, LIST_INTERFACES, UNREGISTER_SESSION, INDICATE_STATUS, CANCEL, UNKNOWN -> new EnipBody.Empty();
        };
    }

    private EnipBody identities(byte[] b, int at, int length, List<Anomaly> anomalies) {
        List<IdentityItem> found = new ArrayList<>();
        for (CpfItem item : CommonPacketFormat.read(b, at, length, limits.maxCpfItems(), anomalies)) {
            if (item.type() != CpfItemType.CIP_IDENTITY) {
                continue;
            }
            Optional<IdentityItem> identity = IdentityItem.read(b, item.dataAt(), item.length());
            if (identity.isPresent()) {
                found.add(identity.get());
            } else {
                anomalies.add(EnipError.IDENTITY_TRUNCATED.anomaly("identity item of " + item.length() + " octets"));
            }
        }
        return new EnipBody.Identities(found);
    }

    /** ListServices items: version, capability flags, 16-octet NUL-padded name. */
    private EnipBody services(byte[] b, int at, int length, List<Anomaly> anomalies) {
        List<String> names = new ArrayList<>();
        for (CpfItem item : CommonPacketFormat.read(b, at, length, limits.maxCpfItems(), anomalies)) {
            if (item.type() == CpfItemType.LIST_SERVICES_RESPONSE && item.length() >= 4) {
                names.add(PrintableText.of(b, item.dataAt() + 4, Math.min(LIST_SERVICES_NAME, item.length() - 4)));
            }
        }
        return new EnipBody.Services(names);
    }

    private static EnipBody session(byte[] b, int at, int length, List<Anomaly> anomalies) {
        if (length < 4) {
            anomalies.add(EnipError.DATA_TRUNCATED.anomaly("RegisterSession data of " + length + " octets"));
            return new EnipBody.Empty();
        }
        return new EnipBody.Session(Encapsulation.u16(b, at), Encapsulation.u16(b, at + 2));
    }

    /** Interface handle (4), timeout (2), then the Common Packet Format. */
    private EnipBody sendData(byte[] b, int at, int length, List<Anomaly> anomalies) {
        CipMessages messages = cipMessages;
        readSendData(b, at, length, anomalies);
        EnipBody.SendData body = new EnipBody.SendData(
                messages.list(),
                sendConnection == SendDataAttributes.NO_CONNECTION ? OptionalLong.empty() : connection(sendConnection),
                sendSequence == NO_SEQUENCE ? OptionalInt.empty() : sequence(sendSequence));
        messages.clear(); // keeps no message past its packet
        return body;
    }

    /** True for SendRRData and SendUnitData, the commands whose data {@link #decodeSendData} decodes. */
    static boolean carriesCip(int command) {
        return command == EncapsulationCommand.SEND_RR_DATA.code()
                || command == EncapsulationCommand.SEND_UNIT_DATA.code();
    }

    /**
     * Decodes the SendRRData or SendUnitData message whose header starts at index {@code at} of
     * {@code b} (the whole message present) as {@link #decode(byte[], int)} would, straight into the
     * object its summary keeps ({@link EnipSummary}): the dissector's path, one object per message for
     * body and attributes. What was wrong inside it is then {@link #anomalies()}, until the next call.
     */
    SendDataAttributes decodeSendData(byte[] b, int at) {
        found.clear();
        readSendData(b, at + EnipLimits.HEADER_LENGTH, Encapsulation.dataLength(b, at), found);
        CipMessages messages = cipMessages;
        SendDataAttributes sent = new SendDataAttributes(
                Encapsulation.session(b, at),
                Encapsulation.senderContext(b, at),
                sendConnection,
                messages.first,
                messages.more); // copies a list of several
        messages.clear(); // keeps no message past its packet
        return sent;
    }

    /**
     * The sequence count of the SendData last decoded by {@link #decodeSendData} (the summary's
     * transaction), or {@link #NO_SEQUENCE} for an unconnected one; until the next call.
     */
    int sequenceCount() {
        return sendSequence;
    }

    /**
     * Reads the SendData in {@code [at, at + length)} into {@link #cipMessages}, {@link
     * #sendConnection} and {@link #sendSequence}, the items in place (no {@link CpfItem} or list
     * per packet) and in one walk: the anomalies are those {@link CommonPacketFormat#count}, then
     * the items' CIP messages, would give, in that order.
     */
    private void readSendData(byte[] b, int at, int length, List<Anomaly> anomalies) {
        CipMessages messages = cipMessages;
        messages.clear();
        sendConnection = SendDataAttributes.NO_CONNECTION;
        sendSequence = NO_SEQUENCE;
        if (length < 6) {
            anomalies.add(EnipError.DATA_TRUNCATED.anomaly("send data of " + length + " octets"));
            return;
        }
        int cpf = at + 6;
        int end = at + length;
        if (length - 6 < 2) {
            anomalies.add(CommonPacketFormat.noCount());
            return;
        }
        int count = Encapsulation.u16(b, cpf);
        int maxItems = limits.maxCpfItems();
        if (count > maxItems) {
            anomalies.add(CommonPacketFormat.countAboveLimit(count, maxItems));
        }
        // CommonPacketFormat.count's checks as each item is reached, in one walk with the items'
        // decoding: its anomalies go in at cpfAt, before the CIP messages' ones, as a count first
        // would have put them
        int cpfAt = anomalies.size();
        int n = Math.min(count, maxItems);
        int p = cpf + 2;
        for (int i = 0; i < n; i++) {
            if (p + CommonPacketFormat.ITEM_HEADER > end) {
                anomalies.add(cpfAt, CommonPacketFormat.countAboveData(count, i));
                break;
            }
            int dataAt = p + CommonPacketFormat.ITEM_HEADER;
            int itemLength = CommonPacketFormat.itemLength(b, p, end);
            if (Encapsulation.u16(b, p + 2) > itemLength) {
                anomalies.add(cpfAt++, CommonPacketFormat.lengthAboveData(b, p, i, itemLength));
            }
            switch (CpfItemType.of(Encapsulation.u16(b, p))) {
                case CONNECTED_ADDRESS -> {
                    if (itemLength >= 4) {
                        sendConnection = Octets.u32le(b, dataAt);
                    }
                }
                case UNCONNECTED_DATA -> cip(b, dataAt, itemLength, messages, anomalies);
                case CONNECTED_DATA -> {
                    if (itemLength >= 2) {
                        sendSequence = Encapsulation.u16(b, dataAt);
                        cip(b, dataAt + 2, itemLength - 2, messages, anomalies);
                    }
                }
                case NULL_ADDRESS,
                        CIP_IDENTITY,
                        CIP_SECURITY_INFORMATION,
                        ENIP_CAPABILITY,
                        LIST_SERVICES_RESPONSE,
                        SOCKADDR_O_T,
                        SOCKADDR_T_O,
                        SEQUENCED_ADDRESS,
                        UNCONNECTED_MESSAGE_DTLS,
                        UNKNOWN -> {
                    // address and socket items carry nothing a sensor reports
                }
            }
            p = dataAt + itemLength;
        }
    }

    private OptionalLong connection(long id) {
        OptionalLong last = lastConnection;
        if (last.isPresent() && last.getAsLong() == id) {
            return last;
        }
        OptionalLong o = OptionalLong.of(id);
        lastConnection = o;
        return o;
    }

    private static OptionalInt sequence(int value) {
        OptionalInt o = SEQUENCE[value];
        if (o == null) {
            o = OptionalInt.of(value);
            SEQUENCE[value] = o;
        }
        return o;
    }

    /**
     * The CIP messages of one SendData, one per data item. One message is the rule: it stays in
     * {@code first}, with no list to grow (and none at all for {@link SendDataAttributes}). One per
     * decoder, emptied for each SendData (C1 does not scalar-replace one per message).
     */
    private static final class CipMessages {
        private CipMessage first;
        private List<CipMessage> more;

        void add(CipMessage m) {
            if (more != null) {
                more.add(m);
            } else if (first == null) {
                first = m;
            } else {
                more = new ArrayList<>(4);
                more.add(first);
                more.add(m);
            }
        }

        void clear() {
            first = null;
            more = null;
        }

        List<CipMessage> list() {
            return more != null ? more : first != null ? List.of(first) : List.of();
        }
    }

    /** The CIP message of one data item, its anomalies added to {@code anomalies} (no result object). */
    private void cip(byte[] b, int at, int length, CipMessages messages, List<Anomaly> anomalies) {
        CipMessage m = cip.decode(b, at, length, anomalies);
        if (m != null) {
            messages.add(m);
        } else { // what CipDecode.Invalid says: not even the fixed fields
            anomalies.add(CipError.TRUNCATED.anomaly("CIP message of " + length + " octets"));
        }
    }
}
