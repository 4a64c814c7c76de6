package io.isthmus.wire.s7.s7commplus;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

    /** One summary per message, built in one construction (no copy per optional part). */
    public static MessageSummary of(S7CommPlusDecode.Decoded decoded, Direction hint) {
        return switch (decoded.frame()) {
            case S7CommPlusFrame.KeepAlive k ->
                summary(
                        hint,
                        k.version(),
                        "Keep Alive",
                        AccessKind.DIAGNOSTIC,
                        OptionalLong.empty(),
                        List.of(new Attribute("s7p_version", versionName(k.version()))),
                        decoded.anomalies());
            case S7CommPlusFrame.Data d -> data(d, decoded.anomalies(), hint);
        };
    }

    private static MessageSummary data(S7CommPlusFrame.Data d, List<Anomaly> anomalies, Direction hint) {
        int function;
        String name;
        AccessKind access;
        if (d.function() < 0) {
            function = NOTIFICATION;
            name = "Notification";
            access = AccessKind.DIAGNOSTIC;
        } else {
            S7CommPlusFunction f = S7CommPlusFunction.of(d.function());
            function = d.function();
            name = f == S7CommPlusFunction.UNKNOWN
                    ? "Unknown Function " + HexText.of(d.function(), 4)
                    : f.displayName();
            access = f.access();
        }
        return summary(
                d.opcode().direction(hint),
                function,
                name,
                access,
                d.sequence() >= 0 ? MessageSummary.number(d.sequence()) : OptionalLong.empty(),
                attributes(d),
                anomalies);
    }

    private static MessageSummary summary(
            Direction direction,
            int function,
            String name,
            AccessKind access,
            OptionalLong transaction,
            List<Attribute> attributes,
            List<Anomaly> anomalies) {
        return new MessageSummary(
                Protocol.S7COMM_PLUS,
                direction,
                function,
                name,
                access,
                OptionalLong.empty(),
                transaction,
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                attributes,
                anomalies);
    }

    /** Version, opcode and, for the first frame of a longer message, {@code s7p_fragmented}. */
    private static List<Attribute> attributes(S7CommPlusFrame.Data d) {
        int version = d.version();
        S7CommPlusOpcode opcode = d.opcode();
        if (version < 0 || version > 0xFF || opcode == S7CommPlusOpcode.UNKNOWN) {
            return build(version, HexText.of(d.opcodeCode(), 2), d.trailer());
        }
        int slot = ((version * OPCODES + opcode.ordinal()) << 1) + (d.trailer() ? 1 : 0);
        List<Attribute> kept = ATTRIBUTES[slot];
        if (kept == null) { // a race only builds the same immutable list twice
            kept = build(version, opcode.id(), d.trailer());
            ATTRIBUTES[slot] = kept;
        }
        return kept;
    }

    private static List<Attribute> build(int version, String opcode, boolean trailer) {
        Attribute v = new Attribute("s7p_version", versionName(version));
        Attribute o = new Attribute("s7p_opcode", opcode);
        return trailer ? List.of(v, o) : List.of(v, o, new Attribute("s7p_fragmented", "true"));
    }

    private static final int OPCODES = S7CommPlusOpcode.values().length;

    /**
     * The attribute lists of data frames with a known opcode (immutable, shared), built on first use
     * by version octet, opcode and trailer: none is built per message.
     */
    @SuppressWarnings("unchecked")
    private static final List<Attribute>[] ATTRIBUTES = new List[0x100 * OPCODES * 2];

    private static String versionName(int version) {
        return switch (version) {
            case 0x01, 0x02, 0x03 -> "V" + version;
            case 0xFE -> "extended keep-alive";
            case 0xFF -> "keep-alive";
            default -> HexText.of(version, 2);
        };
    }
}
