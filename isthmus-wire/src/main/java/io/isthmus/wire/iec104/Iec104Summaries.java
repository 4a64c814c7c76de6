package io.isthmus.wire.iec104;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.iec104.apci.Apci;
import io.isthmus.wire.iec104.asdu.Asdu;
import io.isthmus.wire.iec104.asdu.AsduProblem;
import io.isthmus.wire.iec104.asdu.Cause;
import io.isthmus.wire.iec104.asdu.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an APDU into the protocol-independent summary. I-format: function = type identification,
 * unit = common address, address = first information object address, quantity = number of
 * objects. S- and U-format frames carry no ASDU; their function is {@code 0x100 | first control
 * octet} (S = 0x101, STARTDT act = 0x107 ...) so it never collides with a type identification.
 */
final class Iec104Summaries {
    /** Added to the first control octet of S- and U-format frames to form their function number. */
    static final int APCI_FUNCTION_BASE = 0x100;

    private Iec104Summaries() {}

    static MessageSummary supervisory(Apci.SFormat s, Direction hint) {
        return MessageSummary.of(Protocol.IEC104, hint, APCI_FUNCTION_BASE | 0x01, "S-format", AccessKind.DIAGNOSTIC)
                .withAttribute("apci", "S")
                .withAttribute("recv_seq", Integer.toString(s.receiveSequence()));
    }

    static MessageSummary unnumbered(Apci.UFormat u) {
        Direction direction = u.function().activation() ? Direction.REQUEST : Direction.RESPONSE;
        return MessageSummary.of(
                        Protocol.IEC104,
                        direction,
                        APCI_FUNCTION_BASE | u.control(),
                        u.function().displayName(),
                        AccessKind.DIAGNOSTIC)
                .withAttribute("apci", "U");
    }

    static MessageSummary information(Apci.IFormat i, Asdu asdu, Direction hint) {
        MessageSummary s = MessageSummary.of(
                        Protocol.IEC104,
                        direction(asdu, hint),
                        asdu.typeCode(),
                        name(asdu),
                        Iec104Access.of(asdu.type()))
                .withUnit(asdu.commonAddress())
                .withAttribute("apci", "I")
                .withAttribute("send_seq", Integer.toString(i.sendSequence()))
                .withAttribute("recv_seq", Integer.toString(i.receiveSequence()))
                .withAttribute(
                        "cause", asdu.cause().kind().abbreviation(asdu.cause().cause()))
                .withAttribute("originator", Integer.toString(asdu.originator()));
        if (asdu.firstAddress().isPresent()) {
            s = s.withRange(asdu.firstAddress().getAsLong(), asdu.objectCount());
        }
        if (asdu.cause().test()) {
            s = s.withAttribute("test", "true");
        }
        s = status(s, asdu);
        for (AsduProblem p : asdu.problems()) {
            s = s.withAnomaly(new Anomaly(p.error().code(), p.detail()));
        }
        return s;
    }

    /**
     * Activation and deactivation travel from the controlling station (IEC 60870-5-101 clause
     * 7.2.3), as do reads (cause "request" with a control-direction type); confirmations,
     * terminations and monitor-direction causes come back. Anything else follows the session's hint.
     */
    static Direction direction(Asdu asdu, Direction hint) {
        Cause cause = asdu.cause().kind();
        return switch (cause) {
            case ACTIVATION, DEACTIVATION -> Direction.REQUEST;
            case REQUEST -> asdu.type().controlDirection() ? Direction.REQUEST : Direction.RESPONSE;
            case ACTIVATION_CON,
                    DEACTIVATION_CON,
                    ACTIVATION_TERMINATION,
                    UNKNOWN_TYPE,
                    UNKNOWN_CAUSE,
                    UNKNOWN_COMMON_ADDRESS,
                    UNKNOWN_OBJECT_ADDRESS,
                    PERIODIC,
                    BACKGROUND,
                    SPONTANEOUS,
                    INITIALIZED,
                    RETURN_REMOTE,
                    RETURN_LOCAL,
                    INTERROGATED_STATION,
                    INTERROGATED_GROUP,
                    COUNTER_GENERAL,
                    COUNTER_GROUP -> Direction.RESPONSE;
            case FILE_TRANSFER, UNKNOWN -> hint;
        };
    }

    private static String name(Asdu asdu) {
        return asdu.type() == TypeId.UNKNOWN
                ? "Unknown type " + asdu.typeCode()
                : asdu.type().name() + " " + asdu.type().description();
    }

    /** Negative confirmations and the "unknown ..." causes are the station's error replies. */
    private static MessageSummary status(MessageSummary s, Asdu asdu) {
        List<String> status = new ArrayList<>();
        if (asdu.cause().negative()) {
            status.add("negative");
        }
        if (asdu.cause().kind().rejection()) {
            status.add(asdu.cause().kind().abbreviation(asdu.cause().cause()));
        }
        return status.isEmpty() ? s : s.withStatus(String.join(",", status));
    }
}
