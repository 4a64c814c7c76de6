package io.isthmus.wire.s7.cotp;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;
import java.util.Optional;

/**
 * The summaries of the connection-management TPDUs: CR, CC, DR, DC and ER. The function is the
 * TPDU code as on the wire (0xE0 for CR) and the attribute {@code cotp_tpdu} names it, so these
 * never mix with S7 PDUs when counting (S7 PDUs carry {@code rosctr} instead). The access kind is
 * {@link AccessKind#DIAGNOSTIC}: opening or closing a transport connection changes nothing in the
 * process and no other kind fits better.
 */
public final class CotpSummary {

    private CotpSummary() {}

    /** The summary of {@code tpdu}, or empty for DT and the TPDUs class 0 does not use. */
    public static Optional<MessageSummary> of(CotpTpdu tpdu, Protocol protocol, Direction hint) {
        return switch (tpdu) {
            case CotpTpdu.Connection c -> Optional.of(connection(c, protocol));
            case CotpTpdu.Disconnect d ->
                Optional.of(base(d.type(), protocol, hint)
                        .withAttribute("cotp_destination_reference", Integer.toString(d.destinationReference()))
                        .withAttribute("cotp_source_reference", Integer.toString(d.sourceReference())));
            case CotpTpdu.Error e ->
                Optional.of(
                        base(e.type(), protocol, hint).withStatus("reject cause " + HexText.of(e.rejectCause(), 2)));
            case CotpTpdu.Data d -> Optional.empty();
            case CotpTpdu.Other o -> Optional.empty();
        };
    }

    private static MessageSummary connection(CotpTpdu.Connection c, Protocol protocol) {
        Direction direction = c.type() == CotpTpduType.CONNECTION_REQUEST ? Direction.REQUEST : Direction.RESPONSE;
        MessageSummary s = base(c.type(), protocol, direction)
                .withAttribute("cotp_destination_reference", Integer.toString(c.destinationReference()))
                .withAttribute("cotp_source_reference", Integer.toString(c.sourceReference()));
        CotpConnectionParameters p = c.parameters();
        if (p.calling().isPresent()) {
            s = s.withAttribute("cotp_calling_tsap", p.calling().get().text());
        }
        if (p.called().isPresent()) {
            s = withCalledTsap(s, p.called().get());
        }
        if (p.tpduSize().isPresent()) {
            s = s.withAttribute("cotp_tpdu_size", Integer.toString(p.tpduSize().getAsInt()));
        }
        return s;
    }

    /** An S7 called TSAP names the CPU: connection type, then rack (top 3 bits) and slot. */
    private static MessageSummary withCalledTsap(MessageSummary s, Tsap called) {
        MessageSummary out = s.withAttribute("cotp_called_tsap", called.text());
        if (called.isS7Selector()) {
            out = out.withAttribute("s7_rack", Integer.toString(called.second() >> 5))
                    .withAttribute("s7_slot", Integer.toString(called.second() & 0x1F));
        }
        return out;
    }

    private static MessageSummary base(CotpTpduType type, Protocol protocol, Direction direction) {
        return MessageSummary.of(protocol, direction, type.wireCode(), type.displayName(), AccessKind.DIAGNOSTIC)
                .withAttribute("cotp_tpdu", type.abbreviation());
    }
}
