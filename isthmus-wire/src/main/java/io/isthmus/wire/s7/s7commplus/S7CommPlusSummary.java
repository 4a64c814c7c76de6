package io.isthmus.wire.s7.s7commplus;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;

/**
 * The summary of one S7comm-plus message, labelled {@code s7commplus}. The function is the 16-bit
 * function code; the two kinds of frame without one use a number outside that range (all
 * function codes are 0x04B1 and above): a notification is 0x33 (its opcode) and a keep-alive is
 * its version octet 0xFF (or 0xFE). Attributes {@code s7p_version} and {@code s7p_opcode} record
 * the version and the opcode.
 */
public final class S7CommPlusSummary {

    /** Function number of notifications, which carry no function code. */
    public static final int NOTIFICATION = 0x33;

    private S7CommPlusSummary() {}

    public static MessageSummary of(S7CommPlusDecode.Decoded decoded, Direction hint) {
        MessageSummary s = switch (decoded.frame()) {
            case S7CommPlusFrame.KeepAlive k ->
                MessageSummary.of(Protocol.S7COMM_PLUS, hint, k.version(), "Keep Alive", AccessKind.DIAGNOSTIC)
                        .withAttribute("s7p_version", versionName(k.version()));
            case S7CommPlusFrame.Data d -> data(d, hint);
        };
        for (Anomaly a : decoded.anomalies()) {
            s = s.withAnomaly(a);
        }
        return s;
    }

    private static MessageSummary data(S7CommPlusFrame.Data d, Direction hint) {
        MessageSummary s;
        if (d.function() < 0) {
            s = MessageSummary.of(
                    Protocol.S7COMM_PLUS,
                    d.opcode().direction(hint),
                    NOTIFICATION,
                    "Notification",
                    AccessKind.DIAGNOSTIC);
        } else {
            S7CommPlusFunction f = S7CommPlusFunction.of(d.function());
            String name = f == S7CommPlusFunction.UNKNOWN
                    ? "Unknown Function " + HexText.of(d.function(), 4)
                    : f.displayName();
            s = MessageSummary.of(Protocol.S7COMM_PLUS, d.opcode().direction(hint), d.function(), name, f.access());
        }
        if (d.sequence() >= 0) {
            s = s.withTransaction(d.sequence());
        }
        s = s.withAttribute("s7p_version", versionName(d.version()))
                .withAttribute(
                        "s7p_opcode",
                        d.opcode() == S7CommPlusOpcode.UNKNOWN
                                ? HexText.of(d.opcodeCode(), 2)
                                : d.opcode().id());
        return d.trailer() ? s : s.withAttribute("s7p_fragmented", "true");
    }

    private static String versionName(int version) {
        return switch (version) {
            case 0x01, 0x02, 0x03 -> "V" + version;
            case 0xFE -> "extended keep-alive";
            case 0xFF -> "keep-alive";
            default -> HexText.of(version, 2);
        };
    }
}
