package io.isthmus.wire.iec104;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.Direction;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.iec104.apci.Apci;
import io.isthmus.wire.iec104.asdu.Asdu;
import io.isthmus.wire.iec104.asdu.AsduProblem;
import io.isthmus.wire.iec104.asdu.Cause;
import io.isthmus.wire.iec104.asdu.CauseOfTransmission;
import io.isthmus.wire.iec104.asdu.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

    /** {@code apci} of a U-format frame: the same for every one. */
    private static final List<Attribute> UNNUMBERED_ATTRIBUTES = List.of(new Attribute("apci", "U"));

    static MessageSummary supervisory(Apci.SFormat s, Direction hint) {
        return summary(
                hint,
                APCI_FUNCTION_BASE | 0x01,
                "S-format",
                AccessKind.DIAGNOSTIC,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                new Supervisory(s.receiveSequence()),
                List.of());
    }

    static MessageSummary unnumbered(Apci.UFormat u) {
        Direction direction = u.function().activation() ? Direction.REQUEST : Direction.RESPONSE;
        return summary(
                direction,
                APCI_FUNCTION_BASE | u.control(),
                u.function().displayName(),
                AccessKind.DIAGNOSTIC,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                UNNUMBERED_ATTRIBUTES,
                List.of());
    }

    /**
     * One construction per message; the attributes' texts (sequence numbers, cause, originator)
     * are made when read, in {@code analyze} by the writer's thread (perf12m).
     */
    static MessageSummary information(Apci.IFormat i, Asdu asdu, Direction hint) {
        boolean present = asdu.firstAddress().isPresent();
        return summary(
                direction(asdu, hint),
                asdu.typeCode(),
                name(asdu),
                Iec104Access.of(asdu.type()),
                MessageSummary.number(asdu.commonAddress()),
                present ? MessageSummary.number(asdu.firstAddress().getAsLong()) : OptionalLong.empty(),
                present ? MessageSummary.number(asdu.objectCount()) : OptionalLong.empty(),
                status(asdu),
                new Information(i.sendSequence(), i.receiveSequence(), asdu.cause(), asdu.originator()),
                anomalies(asdu));
    }

    private static MessageSummary summary(
            Direction direction,
            int function,
            String name,
            AccessKind access,
            OptionalLong unit,
            OptionalLong address,
            OptionalLong quantity,
            Optional<String> status,
            List<Attribute> attributes,
            List<Anomaly> anomalies) {
        return new MessageSummary(
                Protocol.IEC104,
                direction,
                function,
                name,
                access,
                unit,
                OptionalLong.empty(),
                address,
                quantity,
                status,
                attributes,
                anomalies);
    }

    private static List<Anomaly> anomalies(Asdu asdu) {
        if (asdu.problems().isEmpty()) {
            return List.of();
        }
        List<Anomaly> out = new ArrayList<>(asdu.problems().size());
        for (AsduProblem p : asdu.problems()) {
            out.add(new Anomaly(p.error().code(), p.detail()));
        }
        return out;
    }

    /** {@code apci} S and {@code recv_seq}. */
    private static final class Supervisory extends LazyAttributes {
        private final int receive;

        Supervisory(int receive) {
            this.receive = receive;
        }

        @Override
        public void writeTo(AttributeSink out) {
            out.name("apci");
            out.text("S");
            out.name("recv_seq");
            out.decimal(receive);
        }
    }

    /** {@code apci} I, {@code send_seq}, {@code recv_seq}, {@code cause}, {@code originator}, {@code test} when set. */
    private static final class Information extends LazyAttributes {
        private final int send;
        private final int receive;
        private final CauseOfTransmission cause;
        private final int originator;

        Information(int send, int receive, CauseOfTransmission cause, int originator) {
            this.send = send;
            this.receive = receive;
            this.cause = cause;
            this.originator = originator;
        }

        @Override
        public void writeTo(AttributeSink out) {
            out.name("apci");
            out.text("I");
            out.name("send_seq");
            out.decimal(send);
            out.name("recv_seq");
            out.decimal(receive);
            out.name("cause");
            out.text(cause.kind().abbreviation(cause.cause()));
            out.name("originator");
            out.decimal(originator);
            if (cause.test()) {
                out.name("test");
                out.text("true");
            }
        }
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
                : asdu.type().displayName();
    }

    /** Negative confirmations and the "unknown ..." causes are the station's error replies. */
    private static Optional<String> status(Asdu asdu) {
        boolean negative = asdu.cause().negative();
        boolean rejection = asdu.cause().kind().rejection();
        if (!negative && !rejection) {
            return Optional.empty();
        }
        String reason =
                rejection ? asdu.cause().kind().abbreviation(asdu.cause().cause()) : "";
        return Optional.of(negative && rejection ? "negative," + reason : negative ? "negative" : reason);
    }
}
