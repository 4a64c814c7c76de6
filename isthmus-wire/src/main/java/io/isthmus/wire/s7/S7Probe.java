package io.isthmus.wire.s7;

import io.isthmus.wire.s7.cotp.CotpConnectionParameters;
import io.isthmus.wire.s7.cotp.CotpDecode;
import io.isthmus.wire.s7.cotp.CotpDecoder;
import io.isthmus.wire.s7.cotp.CotpTpdu;
import io.isthmus.wire.s7.cotp.Tsap;
import io.isthmus.wire.s7.s7comm.Rosctr;
import io.isthmus.wire.s7.s7comm.S7Header;
import io.isthmus.wire.s7.s7commplus.S7CommPlusDecoder;
import io.isthmus.wire.s7.tpkt.Tpkt;
import io.isthmus.wire.s7.tpkt.TpktRead;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Tells S7comm, S7comm-plus and other ISO-on-TCP users apart from a flow's first bytes. Port 102
 * carries all of them (MMS/IEC 61850 too), so the port alone never decides: a COTP data TPDU
 * whose user data starts with 0x32 and a valid PDU type is S7comm, with 0x72 S7comm-plus, with
 * anything else (an ISO session SPDU for MMS) neither. A connection request decides by its TSAPs:
 * textual {@code SIMATIC-...} selectors are S7comm-plus, two-octet S7 selectors S7comm, others
 * (MMS uses {@code 0001}) neither. Up to {@link #MAX_FRAMES} complete TPKTs are looked at.
 */
final class S7Probe {

    /** What the first bytes show. */
    enum Verdict {
        S7COMM,
        S7COMM_PLUS,
        /** TPKT and COTP, but nothing yet that tells (a disconnect, an empty DT, a partial frame). */
        UNDECIDED,
        /** Not TPKT/COTP, or another COTP user. */
        OTHER
    }

    static final int MAX_FRAMES = 4;

    private S7Probe() {}

    static Verdict probe(ByteBuffer first, S7Limits limits) {
        int at = first.position();
        int end = first.limit();
        for (int frames = 0; frames < MAX_FRAMES && at < end; frames++) {
            TpktRead read = Tpkt.read(first, at, end - at, limits.maxTpktLength());
            if (read instanceof TpktRead.Invalid) {
                return Verdict.OTHER;
            }
            int length = read instanceof TpktRead.Frame f ? f.length() : end - at;
            if (length <= Tpkt.HEADER_LENGTH) {
                return Verdict.UNDECIDED;
            }
            boolean complete = read instanceof TpktRead.Frame;
            Verdict v = cotp(first, at + Tpkt.HEADER_LENGTH, length - Tpkt.HEADER_LENGTH, complete);
            if (v != Verdict.UNDECIDED || !complete) {
                return v;
            }
            at += length;
        }
        return Verdict.UNDECIDED;
    }

    /** A TPDU cut off by the end of the probed bytes may look invalid; only a complete one is judged. */
    private static Verdict cotp(ByteBuffer b, int at, int length, boolean complete) {
        return switch (CotpDecoder.decode(b, at, length)) {
            case CotpDecode.Invalid i -> complete ? Verdict.OTHER : Verdict.UNDECIDED;
            case CotpDecode.Decoded d ->
                switch (d.tpdu()) {
                    case CotpTpdu.Connection c -> connection(c.parameters());
                    case CotpTpdu.Data data -> data(b, data);
                    case CotpTpdu.Disconnect x -> Verdict.UNDECIDED;
                    case CotpTpdu.Error x -> Verdict.UNDECIDED;
                    case CotpTpdu.Other x -> Verdict.UNDECIDED;
                };
        };
    }

    /** What a CR or CC's TSAPs say: SIMATIC text for S7comm-plus, S7 selectors for S7comm. */
    static Verdict connection(CotpConnectionParameters p) {
        if (simatic(p.calling()) || simatic(p.called())) {
            return Verdict.S7COMM_PLUS;
        }
        Optional<Tsap> selector = p.called().isPresent() ? p.called() : p.calling();
        return selector.isPresent() && selector.get().isS7Selector() ? Verdict.S7COMM : Verdict.OTHER;
    }

    private static boolean simatic(Optional<Tsap> tsap) {
        return tsap.isPresent() && tsap.get().isSimaticText();
    }

    private static Verdict data(ByteBuffer b, CotpTpdu.Data data) {
        if (data.payloadLength() < 1) {
            return Verdict.UNDECIDED;
        }
        int id = b.get(data.payloadOffset()) & 0xFF;
        if (id == S7CommPlusDecoder.PROTOCOL_ID) {
            return Verdict.S7COMM_PLUS;
        }
        if (id != S7Header.PROTOCOL_ID) {
            return Verdict.OTHER;
        }
        if (data.payloadLength() < 2) {
            return Verdict.UNDECIDED;
        }
        return Rosctr.of(b.get(data.payloadOffset() + 1) & 0xFF) == Rosctr.UNKNOWN ? Verdict.OTHER : Verdict.S7COMM;
    }
}
