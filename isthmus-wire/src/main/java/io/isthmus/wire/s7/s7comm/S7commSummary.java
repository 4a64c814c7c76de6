package io.isthmus.wire.s7.s7comm;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.Direction;
import io.isthmus.wire.HexText;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The protocol-independent summary of one S7comm PDU.
 *
 * <ul>
 *   <li>direction from the PDU type, whichever side sends it: a job is a request (during a block
 *       download the PLC sends the 0x1B/0x1C jobs), ack and ack_data are responses, userdata
 *       follows its type nibble (request; response and push are responses);
 *   <li>function: the parameter's function code for jobs, acks and ack_data; {@link
 *       #ACK_WITHOUT_PARAMETER} for an ack that has none; {@code 0x7000 | group << 8 |
 *       subfunction} for userdata ({@link UserdataFunction#number});
 *   <li>transaction: the PDU reference; attribute {@code rosctr} names the PDU type, so counting
 *       jobs by function (tshark's {@code s7comm.header.rosctr == 1} by {@code
 *       s7comm.param.func}) is "rosctr = job, group by function".
 * </ul>
 */
public final class S7commSummary {

    /** Function number of an ack without parameter: it names no function of its own. */
    public static final int ACK_WITHOUT_PARAMETER = 0x0200;

    private S7commSummary() {}

    public static MessageSummary of(S7Decode.Decoded pdu, Direction hint) {
        S7Header h = pdu.header();
        return of(h.rosctr(), h.pduReference(), h.errorClass(), h.error(), pdu.message(), pdu.anomalies(), hint);
    }

    /**
     * The summary of the PDU that {@code decoder} last {@link S7commDecoder#read read} (it decoded):
     * the same as {@link #of(S7Decode.Decoded, Direction)} gives, without the header and result
     * objects. A message the decoder keeps (a Read/Write Var job or response it shares) comes with
     * its {@link Parts}, so only the PDU reference and the error fields are read per PDU.
     */
    public static MessageSummary of(S7commDecoder decoder, Direction hint) {
        Parts kept = decoder.keptParts();
        if (kept != null) {
            return summary(
                    kept,
                    decoder.rosctr(),
                    decoder.pduReference(),
                    decoder.errorClass(),
                    decoder.error(),
                    decoder.anomalies());
        }
        return of(
                decoder.rosctr(),
                decoder.pduReference(),
                decoder.errorClass(),
                decoder.error(),
                decoder.message(),
                decoder.anomalies(),
                hint);
    }

    private static MessageSummary of(
            Rosctr rosctr,
            int pduReference,
            S7ErrorClass errorClass,
            int error,
            S7Message m,
            List<Anomaly> anomalies,
            Direction hint) {
        if (m instanceof S7Message.VarRequest || m instanceof S7Message.VarResponse) {
            return summary(parts(rosctr, m), rosctr, pduReference, errorClass, error, anomalies);
        }
        Direction direction = rosctr == Rosctr.JOB ? Direction.REQUEST : Direction.RESPONSE;
        Head head = head(m, direction, hint);
        return new MessageSummary(
                Protocol.S7COMM,
                head.direction(),
                head.function(),
                head.functionName(),
                head.access(),
                MessageSummary.TRANSACTION,
                0,
                pduReference,
                0,
                0,
                errorStatus(rosctr, errorClass, error, status(m)),
                new Attributes(rosctr, m),
                anomalies);
    }

    /** The summary of a Read/Write Var PDU whose other parts are {@code p}. */
    private static MessageSummary summary(
            Parts p, Rosctr rosctr, int pduReference, S7ErrorClass errorClass, int error, List<Anomaly> anomalies) {
        return new MessageSummary(
                Protocol.S7COMM,
                p.direction(),
                p.function(),
                p.functionName(),
                p.access(),
                MessageSummary.TRANSACTION
                        | (p.address().isPresent() ? MessageSummary.ADDRESS : 0)
                        | (p.quantity().isPresent() ? MessageSummary.QUANTITY : 0),
                0,
                pduReference,
                p.address().orElse(0),
                p.quantity().orElse(0),
                errorStatus(rosctr, errorClass, error, p.status()),
                p.attributes(),
                anomalies);
    }

    /** The error an ack or ack_data reports in its header, else {@code status}. */
    private static Optional<String> errorStatus(
            Rosctr rosctr, S7ErrorClass errorClass, int error, Optional<String> status) {
        if (rosctr.hasErrorFields() && error != 0) {
            return Optional.of(errorClass.displayName() + " (" + HexText.of(error, 4) + ")");
        }
        return status;
    }

    /**
     * The parts of the summary of a Read/Write Var job or response that depend on the message alone
     * (and its PDU type): all but the PDU reference, the header's error and the anomalies. Immutable,
     * so the decoder keeps one with each message it shares, and every summary of that message reads
     * them instead of looking at its items again.
     */
    record Parts(
            Direction direction,
            int function,
            String functionName,
            AccessKind access,
            OptionalLong address,
            OptionalLong quantity,
            Optional<String> status,
            LazyAttributes attributes) {}

    /**
     * The {@link Parts} of {@code m}, a {@link S7Message.VarRequest} or {@link S7Message.VarResponse}
     * in a PDU of type {@code rosctr}: the function's head; for a job whose first item is S7ANY, that
     * item's byte address and the declared item count; for a response, its first failing item's
     * return code as status.
     */
    static Parts parts(Rosctr rosctr, S7Message m) {
        Direction direction = rosctr == Rosctr.JOB ? Direction.REQUEST : Direction.RESPONSE;
        OptionalLong address = OptionalLong.empty();
        OptionalLong quantity = OptionalLong.empty();
        Optional<String> status = Optional.empty();
        LazyAttributes attributes;
        Head head;
        switch (m) {
            case S7Message.VarRequest v -> {
                head = job(v.function(), direction);
                if (!v.items().isEmpty() && v.items().getFirst() instanceof VarItem.S7Any first) {
                    address = MessageSummary.number(first.byteAddress());
                    quantity = MessageSummary.number(v.declaredCount());
                }
                attributes = new Attributes(rosctr, m);
            }
            case S7Message.VarResponse v -> {
                head = job(v.function(), direction);
                S7ReturnCode failure = firstFailure(v);
                if (failure != null) {
                    status = FAILURE_STATUS.get(failure.ordinal());
                }
                attributes = rosctr == Rosctr.ACK_DATA && failure == null
                        ? ACK_DATA_ALL_SUCCEEDED
                        : new Attributes(rosctr, m);
            }
            default -> throw new IllegalArgumentException("not a Read/Write Var message: " + m);
        }
        return new Parts(
                head.direction(),
                head.function(),
                head.functionName(),
                head.access(),
                address,
                quantity,
                status,
                attributes);
    }

    /** The attributes of every ack_data var response whose items all succeeded: {@code rosctr} alone. */
    private static final LazyAttributes ACK_DATA_ALL_SUCCEEDED =
            new Attributes(Rosctr.ACK_DATA, new S7Message.VarResponse(S7Function.READ_VAR, 0, List.of()));

    /** Direction, function number, name and access of a PDU: the summary's mandatory fields. */
    private record Head(Direction direction, int function, String functionName, AccessKind access) {

        static Head of(S7Function f, Direction direction) {
            return new Head(direction, f.code(), f.displayName(), f.access());
        }
    }

    /** One shared head per function and direction (immutable values), so a job or ack_data makes none. */
    private static final Head[][] FUNCTION_HEADS = functionHeads();

    private static Head[][] functionHeads() {
        S7Function[] functions = S7Function.values();
        Direction[] directions = Direction.values();
        Head[][] heads = new Head[functions.length][directions.length];
        for (S7Function f : functions) {
            for (Direction d : directions) {
                heads[f.ordinal()][d.ordinal()] = Head.of(f, d);
            }
        }
        return heads;
    }

    /** The head of a PDU whose type gives {@code direction} (userdata: its own type, else the hint). */
    private static Head head(S7Message m, Direction direction, Direction hint) {
        return switch (m) {
            case S7Message.SetupCommunication c -> job(S7Function.SETUP_COMMUNICATION, direction);
            case S7Message.VarRequest v -> job(v.function(), direction);
            case S7Message.VarResponse v -> job(v.function(), direction);
            case S7Message.PlcStop p -> job(S7Function.PLC_STOP, direction);
            case S7Message.PlcControl p ->
                new Head(
                        direction,
                        S7Function.PLC_CONTROL.code(),
                        S7Function.PLC_CONTROL.displayName(),
                        PiService.access(p.service()));
            case S7Message.BlockTransfer t -> job(t.function(), direction);
            case S7Message.Userdata u -> userdata(u.parameter(), hint);
            case S7Message.Acknowledgement a ->
                new Head(direction, ACK_WITHOUT_PARAMETER, "Ack", AccessKind.DIAGNOSTIC);
            case S7Message.OtherFunction o -> other(o.code(), direction);
        };
    }

    private static Head job(S7Function f, Direction direction) {
        return FUNCTION_HEADS[f.ordinal()][direction.ordinal()];
    }

    private static Head other(int code, Direction direction) {
        S7Function f = S7Function.of(code);
        String name = f == S7Function.UNKNOWN ? "Unknown Function " + HexText.of(code, 2) : f.displayName();
        return new Head(direction, code, name, f.access());
    }

    private static Head userdata(UserdataParameter p, Direction hint) {
        Direction direction =
                p.isRequest() ? Direction.REQUEST : p.isResponse() || p.type() == 0 ? Direction.RESPONSE : hint;
        int groupCode = p.groupCode();
        int subfunction = p.subfunction();
        if (groupCode < 0
                || groupCode > 0x0F
                || subfunction < 0
                || subfunction > 0xFF
                || UserdataGroup.of(groupCode) != p.group()) { // not from a decoder: not kept
            return userdataHead(p.group(), groupCode, subfunction, direction);
        }
        int slot = (groupCode << 8 | subfunction) * DIRECTIONS + direction.ordinal();
        Head head = USERDATA_HEADS[slot];
        if (head == null) { // a race only builds the same immutable head twice
            head = userdataHead(p.group(), groupCode, subfunction, direction);
            USERDATA_HEADS[slot] = head;
        }
        return head;
    }

    private static Head userdataHead(UserdataGroup group, int groupCode, int subfunction, Direction direction) {
        return new Head(
                direction,
                UserdataFunction.number(groupCode, subfunction),
                UserdataFunction.name(group, subfunction),
                UserdataFunction.access(group, subfunction));
    }

    private static final int DIRECTIONS = Direction.values().length;

    /**
     * The heads of userdata summaries, built on first use, by group code (a nibble, whose group
     * names the function), subfunction (an octet) and direction: no name is joined per PDU.
     */
    private static final Head[] USERDATA_HEADS = new Head[0x10 * 0x100 * DIRECTIONS];

    /** The attributes of one PDU, described from the decoded PDU when they are read. */
    private static final class Attributes extends LazyAttributes {
        private final Rosctr rosctr;
        private final S7Message m;

        Attributes(Rosctr rosctr, S7Message m) {
            this.rosctr = rosctr;
            this.m = m;
        }

        @Override
        public void writeTo(AttributeSink out) {
            text("rosctr", rosctr.id(), out);
            details(m, out);
        }
    }

    private static void text(String name, String value, AttributeSink out) {
        out.name(name);
        out.text(value);
    }

    private static void decimal(String name, long value, AttributeSink out) {
        out.name(name);
        out.decimal(value);
    }

    private static void details(S7Message m, AttributeSink out) {
        switch (m) {
            case S7Message.SetupCommunication c -> {
                decimal("s7_pdu_length", c.pduLength(), out);
                decimal("s7_max_amq_calling", c.maxAmqCalling(), out);
                decimal("s7_max_amq_called", c.maxAmqCalled(), out);
            }
            case S7Message.VarRequest v -> {
                List<VarItem> items = v.items();
                for (int i = 0; i < items.size(); i++) {
                    out.name("s7_item");
                    items.get(i).appendTo(out);
                }
            }
            case S7Message.VarResponse v -> failures(v, out);
            case S7Message.PlcStop p -> text("s7_pi_service", p.service(), out);
            case S7Message.PlcControl p -> plcControl(p, out);
            case S7Message.BlockTransfer t -> {
                if (t.fileName().isPresent()) {
                    block(t.fileName().get(), out);
                }
            }
            case S7Message.Userdata u -> {
                List<Attribute> list = new ArrayList<>();
                UserdataDetails.add(u, list);
                for (Attribute a : list) {
                    text(a.name(), a.value(), out);
                }
            }
            case S7Message.Acknowledgement a -> {}
            case S7Message.OtherFunction o -> {}
        }
    }

    /** The first failing item of a var response, or a userdata error code. */
    private static Optional<String> status(S7Message m) {
        return switch (m) {
            case S7Message.VarResponse v -> failureStatus(v); // of() takes var responses to parts()
            case S7Message.Userdata u -> UserdataDetails.status(u);
            case S7Message.SetupCommunication c -> Optional.empty();
            case S7Message.VarRequest v -> Optional.empty();
            case S7Message.PlcStop p -> Optional.empty();
            case S7Message.PlcControl p -> Optional.empty();
            case S7Message.BlockTransfer t -> Optional.empty();
            case S7Message.Acknowledgement a -> Optional.empty();
            case S7Message.OtherFunction o -> Optional.empty();
        };
    }

    private static void plcControl(S7Message.PlcControl p, AttributeSink out) {
        text("s7_pi_service", p.service(), out);
        text("s7_pi_argument", p.argument(), out);
        text("s7_pi_operation", PiService.operation(p.service(), p.argument()), out);
        for (String block : p.blocks()) {
            var name = BlockName.parse(block);
            text(
                    "s7_block",
                    name.map(n -> n.blockType() + " " + n.blockNumber()).orElse(block),
                    out);
        }
    }

    /** The status of a var response: its first failing item's return code, if any. */
    private static Optional<String> failureStatus(S7Message.VarResponse v) {
        S7ReturnCode c = firstFailure(v);
        return c == null ? Optional.empty() : FAILURE_STATUS.get(c.ordinal());
    }

    /** The status text of each return code (immutable, shared): no Optional per failing response. */
    private static final List<Optional<String>> FAILURE_STATUS = Arrays.stream(S7ReturnCode.values())
            .map(c -> Optional.of(c.displayName()))
            .toList();

    /** The first item's return code that is not success, or null (a loop: every var response asks). */
    private static S7ReturnCode firstFailure(S7Message.VarResponse v) {
        List<S7ReturnCode> codes = v.returnCodes();
        for (int i = 0; i < codes.size(); i++) { // indexed: no iterator per read response
            S7ReturnCode c = codes.get(i);
            if (c != S7ReturnCode.SUCCESS) {
                return c;
            }
        }
        return null;
    }

    private static void failures(S7Message.VarResponse v, AttributeSink out) {
        long failed = 0;
        List<S7ReturnCode> codes = v.returnCodes();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) != S7ReturnCode.SUCCESS) {
                failed++;
            }
        }
        if (failed > 0) {
            decimal("s7_items_failed", failed, out);
        }
    }

    private static void block(String fileName, AttributeSink out) {
        text("s7_filename", fileName, out);
        var parsed = BlockName.parse(fileName);
        if (parsed.isPresent()) {
            var n = parsed.get();
            text("s7_block_type", n.blockType(), out);
            decimal("s7_block_number", n.blockNumber(), out);
            text("s7_filesystem", n.fileSystem(), out);
        }
    }
}
