package io.isthmus.wire.s7;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.Octets;
import io.isthmus.wire.s7.cotp.CotpDecode;
import io.isthmus.wire.s7.cotp.CotpDecoder;
import io.isthmus.wire.s7.cotp.CotpError;
import io.isthmus.wire.s7.cotp.CotpReassembler;
import io.isthmus.wire.s7.cotp.CotpSummary;
import io.isthmus.wire.s7.cotp.CotpTpdu;
import io.isthmus.wire.s7.cotp.Reassembly;
import io.isthmus.wire.s7.s7comm.S7Decode;
import io.isthmus.wire.s7.s7comm.S7Header;
import io.isthmus.wire.s7.s7comm.S7commDecoder;
import io.isthmus.wire.s7.s7comm.S7commSummary;
import io.isthmus.wire.s7.s7commplus.S7CommPlusDecode;
import io.isthmus.wire.s7.s7commplus.S7CommPlusDecoder;
import io.isthmus.wire.s7.s7commplus.S7CommPlusSummary;
import io.isthmus.wire.s7.tpkt.Tpkt;
import io.isthmus.wire.s7.tpkt.TpktRead;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One direction of an ISO-on-TCP flow, layer by layer: a TPKT (RFC 1006) per call, the COTP TPDU
 * inside it (ISO 8073 class 0, DT fragments rebuilt under {@link S7Limits}), and the TSDU as
 * S7comm (0x32) or S7comm-plus (0x72), each labelled with its own protocol.
 *
 * <p>Results per TPKT: a summary for CR/CC/DR/DC/ER and for each S7 PDU; no summary (but the
 * frame consumed) for a DT fragment that does not end a TSDU and for a following S7comm-plus
 * frame; {@link Dissection.Malformed} with the frame as skip when a frame is well delimited but
 * broken; and for a broken TPKT header (garbage, or a capture that starts mid-frame) one
 * malformed result, then the octets up to the next position that could start a header are
 * consumed without messages, so the stream resynchronises.
 */
public final class S7Dissector implements Dissector {

    private final S7Limits limits;
    private final CotpReassembler cotp;
    private final S7commDecoder s7comm;
    /** Made by the first S7comm-plus TSDU (most flows carry S7comm only); null until then. */
    private S7CommPlusDecoder s7commPlus;

    private Protocol label;
    /** True once a CR/CC with S7 TSAPs or an S7 PDU has been seen: COTP summaries may be labelled. */
    private boolean recognised;
    /**
     * True after a broken TPKT header until a position that could start a header is reached: the
     * octets in between are dropped silently, so one damage is one anomaly however the octets
     * arrive.
     */
    private boolean resynchronising;

    /**
     * @param label the protocol of COTP disconnects and errors until a connection request or an
     *     S7 PDU shows which it is
     */
    public S7Dissector(Protocol label, S7Limits limits) {
        this.label = label;
        this.limits = limits;
        this.cotp = new CotpReassembler(limits.maxCotpFragments(), limits.maxCotpReassembly());
        this.s7comm = new S7commDecoder(
                limits.maxVarItems(),
                limits.maxSzlRecords(),
                limits.maxUserdataFragments(),
                limits.maxUserdataReassembly());
    }

    @Override
    public Protocol protocol() {
        return label;
    }

    @Override
    public Dissection next(ByteBuffer data, Direction hint) {
        int at = data.position();
        int available = data.remaining();
        if (available == 0) {
            return new Dissection.NeedMore(Tpkt.HEADER_LENGTH);
        }
        byte[] b = Octets.of(data); // TPKT framing read in place, at the buffer's indexes
        if (resynchronising) {
            int skip = Tpkt.candidate(b, at, available, limits.maxTpktLength());
            if (skip > 0) {
                return messages(List.of(), skip);
            }
            if (available < Tpkt.HEADER_LENGTH) {
                return new Dissection.NeedMore(Tpkt.HEADER_LENGTH - available); // a candidate, not yet a header
            }
            resynchronising = false;
        }
        int framed = Tpkt.frameLength(b, at, available, limits.maxTpktLength());
        if (framed > 0) { // the usual case, without a read result
            return frame(data, b, at, framed, hint);
        }
        return switch (Tpkt.read(b, at, available, limits.maxTpktLength())) {
            case TpktRead.Incomplete i -> new Dissection.NeedMore(i.needed());
            case TpktRead.Invalid i -> {
                resynchronising = true;
                yield new Dissection.Malformed(
                        i.error().anomaly("TPKT " + i.error().name().toLowerCase() + " value " + i.value()),
                        0,
                        Tpkt.resync(b, at, available, limits.maxTpktLength()));
            }
            case TpktRead.Frame f -> frame(data, b, at, f.length(), hint);
        };
    }

    private Dissection frame(ByteBuffer data, byte[] b, int at, int length, Direction hint) {
        int cotpAt = at + Tpkt.HEADER_LENGTH;
        int header = CotpDecoder.dataHeaderLength(b, cotpAt, length - Tpkt.HEADER_LENGTH);
        if (header > 0) { // DT, the TPDU of every S7 PDU, read without a TPDU record
            int payloadAt = cotpAt + header;
            return dataTpdu(
                    data, at, length, payloadAt, at + length - payloadAt, CotpDecoder.endOfTsdu(b, cotpAt), hint);
        }
        return switch (CotpDecoder.decode(data, at + Tpkt.HEADER_LENGTH, length - Tpkt.HEADER_LENGTH)) {
            case CotpDecode.Invalid i ->
                new Dissection.Malformed(
                        i.error().anomaly("COTP " + i.error().name().toLowerCase() + " value " + i.value()),
                        i.offset() - at,
                        length);
            case CotpDecode.Decoded d -> tpdu(data, at, length, d.tpdu(), hint);
        };
    }

    private Dissection tpdu(ByteBuffer data, int at, int length, CotpTpdu tpdu, Direction hint) {
        return switch (tpdu) {
            case CotpTpdu.Data d ->
                dataTpdu(data, at, length, d.payloadOffset(), d.payloadLength(), d.endOfTsdu(), hint);
            case CotpTpdu.Connection c -> connectionChange(tpdu, length, hint);
            case CotpTpdu.Disconnect c -> connectionChange(tpdu, length, hint);
            case CotpTpdu.Error e ->
                messages(recognised ? CotpSummary.of(tpdu, label, hint).stream().toList() : List.of(), length);
            case CotpTpdu.Other o -> messages(List.of(), length);
        };
    }

    /**
     * A new or closed connection starts every reassembly afresh. A connection request or confirm
     * is summarised only when its TSAPs are those of S7 or S7comm-plus (they also fix the label);
     * other COTP users (MMS) are never labelled S7, and neither are their disconnects.
     */
    private Dissection connectionChange(CotpTpdu tpdu, int length, Direction hint) {
        cotp.reset();
        resetPlus();
        if (tpdu instanceof CotpTpdu.Connection c) {
            switch (S7Probe.connection(c.parameters())) {
                case S7COMM -> recognise(Protocol.S7COMM);
                case S7COMM_PLUS -> recognise(Protocol.S7COMM_PLUS);
                case UNDECIDED, OTHER -> recognised = false;
            }
        }
        return messages(recognised ? CotpSummary.of(tpdu, label, hint).stream().toList() : List.of(), length);
    }

    /** Forgets an S7comm-plus message in progress, if any. */
    private void resetPlus() {
        if (s7commPlus != null) {
            s7commPlus.reset();
        }
    }

    private void recognise(Protocol protocol) {
        label = protocol;
        recognised = true;
    }

    /** A DT TPDU whose user data is {@code [payloadAt, payloadAt + payloadLength)} of {@code data}. */
    private Dissection dataTpdu(
            ByteBuffer data, int at, int length, int payloadAt, int payloadLength, boolean endOfTsdu, Direction hint) {
        int offset = payloadAt - at;
        if (endOfTsdu && cotp.holdsNothing()) {
            cotp.reset();
            return tsdu(data, payloadAt, payloadLength, at, length, hint);
        }
        return switch (cotp.accept(data, payloadAt, payloadLength, endOfTsdu)) {
            case Reassembly.Pending p -> messages(List.of(), length);
            case Reassembly.Discarded x -> messages(List.of(), length);
            case Reassembly.Failed f -> {
                resetPlus();
                yield new Dissection.Malformed(
                        f.error()
                                .anomaly("TSDU dropped after " + f.value()
                                        + (f.error() == CotpError.FRAGMENTS_UNTERMINATED
                                                ? " DT TPDUs without end of TSDU"
                                                : " octets")),
                        offset,
                        length);
            }
            case Reassembly.Complete c -> tsdu(c.tsdu(), 0, c.tsdu().limit(), -offset, length, hint);
        };
    }

    /**
     * Decodes a complete TSDU in {@code [from, from + size)} of {@code b}; an index {@code i} of
     * {@code b} is reported as offset {@code i - base} from the frame start (for a rebuilt TSDU,
     * from its last fragment's payload).
     */
    private Dissection tsdu(ByteBuffer b, int from, int size, int base, int length, Direction hint) {
        if (size == 0) {
            return messages(List.of(), length);
        }
        int id = b.get(from) & 0xFF;
        if (id == S7Header.PROTOCOL_ID) {
            return s7comm(b, from, size, base, length, hint);
        }
        if (id == S7CommPlusDecoder.PROTOCOL_ID) {
            return s7commPlus(b, from, size, base, length, hint);
        }
        return malformed(
                CotpError.PAYLOAD_NOT_S7.anomaly("TSDU starts with " + HexText.of(id, 2)), from - base, length);
    }

    private Dissection s7comm(ByteBuffer b, int from, int size, int base, int length, Direction hint) {
        recognise(Protocol.S7COMM);
        if (s7comm.read(b, from, size)) { // no header or result object per PDU
            return new Dissection.Messages(S7commSummary.of(s7comm, hint), length);
        }
        S7Decode.Invalid i = s7comm.invalid();
        return malformed(
                i.error().anomaly("S7 " + i.error().name().toLowerCase() + " value " + i.value()),
                i.offset() - base,
                length);
    }

    private Dissection s7commPlus(ByteBuffer b, int from, int size, int base, int length, Direction hint) {
        recognise(Protocol.S7COMM_PLUS);
        if (s7commPlus == null) {
            s7commPlus = new S7CommPlusDecoder(limits.maxPlusFragments());
        }
        return switch (s7commPlus.decode(b, from, size)) {
            case S7CommPlusDecode.Decoded d -> new Dissection.Messages(S7CommPlusSummary.of(d, hint), length);
            case S7CommPlusDecode.Continuation c -> messages(List.of(), length);
            case S7CommPlusDecode.Invalid i ->
                malformed(
                        i.error().anomaly("S7comm-plus " + i.error().name().toLowerCase() + " value " + i.value()),
                        i.offset() - base,
                        length);
        };
    }

    /** A malformed frame inside a sound TPKT: report it and skip exactly that frame. */
    private static Dissection malformed(Anomaly anomaly, int offset, int length) {
        return new Dissection.Malformed(anomaly, Math.max(0, Math.min(offset, length - 1)), length);
    }

    private static Dissection messages(List<MessageSummary> summaries, int length) {
        return new Dissection.Messages(summaries, length);
    }
}
