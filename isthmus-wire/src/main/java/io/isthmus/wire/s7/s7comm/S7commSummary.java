package io.isthmus.wire.s7.s7comm;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;

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
        MessageSummary s = base(pdu.message(), h.rosctr(), hint)
                .withTransaction(h.pduReference())
                .withAttribute("rosctr", h.rosctr().id());
        s = details(s, pdu.message());
        if (h.rosctr().hasErrorFields() && h.error() != 0) {
            s = s.withStatus(String.format("%s (0x%04X)", h.errorClass().displayName(), h.error()));
        }
        for (Anomaly a : pdu.anomalies()) {
            s = s.withAnomaly(a);
        }
        return s;
    }

    private static MessageSummary base(S7Message m, Rosctr rosctr, Direction hint) {
        Direction direction = rosctr == Rosctr.JOB ? Direction.REQUEST : Direction.RESPONSE;
        return switch (m) {
            case S7Message.SetupCommunication c -> job(S7Function.SETUP_COMMUNICATION, direction);
            case S7Message.VarRequest v -> job(v.function(), direction);
            case S7Message.VarResponse v -> job(v.function(), direction);
            case S7Message.PlcStop p -> job(S7Function.PLC_STOP, direction);
            case S7Message.PlcControl p ->
                MessageSummary.of(
                        Protocol.S7COMM,
                        direction,
                        S7Function.PLC_CONTROL.code(),
                        S7Function.PLC_CONTROL.displayName(),
                        PiService.access(p.service()));
            case S7Message.BlockTransfer t -> job(t.function(), direction);
            case S7Message.Userdata u -> userdata(u.parameter(), hint);
            case S7Message.Acknowledgement a ->
                MessageSummary.of(Protocol.S7COMM, direction, ACK_WITHOUT_PARAMETER, "Ack", AccessKind.DIAGNOSTIC);
            case S7Message.OtherFunction o -> other(o.code(), direction);
        };
    }

    private static MessageSummary job(S7Function f, Direction direction) {
        return MessageSummary.of(Protocol.S7COMM, direction, f.code(), f.displayName(), f.access());
    }

    private static MessageSummary other(int code, Direction direction) {
        S7Function f = S7Function.of(code);
        String name = f == S7Function.UNKNOWN ? String.format("Unknown Function 0x%02X", code) : f.displayName();
        return MessageSummary.of(Protocol.S7COMM, direction, code, name, f.access());
    }

    private static MessageSummary userdata(UserdataParameter p, Direction hint) {
        Direction direction =
                p.isRequest() ? Direction.REQUEST : p.isResponse() || p.type() == 0 ? Direction.RESPONSE : hint;
        return MessageSummary.of(
                Protocol.S7COMM,
                direction,
                UserdataFunction.number(p.groupCode(), p.subfunction()),
                UserdataFunction.name(p.group(), p.subfunction()),
                UserdataFunction.access(p.group(), p.subfunction()));
    }

    private static MessageSummary details(MessageSummary s, S7Message m) {
        return switch (m) {
            case S7Message.SetupCommunication c ->
                s.withAttribute("s7_pdu_length", Integer.toString(c.pduLength()))
                        .withAttribute("s7_max_amq_calling", Integer.toString(c.maxAmqCalling()))
                        .withAttribute("s7_max_amq_called", Integer.toString(c.maxAmqCalled()));
            case S7Message.VarRequest v -> items(s, v);
            case S7Message.VarResponse v -> results(s, v);
            case S7Message.PlcStop p -> s.withAttribute("s7_pi_service", p.service());
            case S7Message.PlcControl p -> plcControl(s, p);
            case S7Message.BlockTransfer t -> t.fileName().map(n -> block(s, n)).orElse(s);
            case S7Message.Userdata u -> UserdataDetails.add(s, u);
            case S7Message.Acknowledgement a -> s;
            case S7Message.OtherFunction o -> s;
        };
    }

    private static MessageSummary plcControl(MessageSummary s, S7Message.PlcControl p) {
        MessageSummary out = s.withAttribute("s7_pi_service", p.service())
                .withAttribute("s7_pi_argument", p.argument())
                .withAttribute("s7_pi_operation", PiService.operation(p.service(), p.argument()));
        for (String block : p.blocks()) {
            var name = BlockName.parse(block);
            out = out.withAttribute(
                    "s7_block",
                    name.map(n -> n.blockType() + " " + n.blockNumber()).orElse(block));
        }
        return out;
    }

    private static MessageSummary items(MessageSummary s, S7Message.VarRequest v) {
        MessageSummary out = s;
        if (!v.items().isEmpty() && v.items().getFirst() instanceof VarItem.S7Any first) {
            out = out.withRange(first.byteAddress(), v.declaredCount());
        }
        for (VarItem item : v.items()) {
            out = out.withAttribute("s7_item", item.notation());
        }
        return out;
    }

    private static MessageSummary results(MessageSummary s, S7Message.VarResponse v) {
        long failed =
                v.returnCodes().stream().filter(c -> c != S7ReturnCode.SUCCESS).count();
        if (failed == 0) {
            return s;
        }
        S7ReturnCode first = v.returnCodes().stream()
                .filter(c -> c != S7ReturnCode.SUCCESS)
                .findFirst()
                .orElseThrow();
        return s.withStatus(first.displayName()).withAttribute("s7_items_failed", Long.toString(failed));
    }

    private static MessageSummary block(MessageSummary s, String fileName) {
        MessageSummary out = s.withAttribute("s7_filename", fileName);
        var parsed = BlockName.parse(fileName);
        if (parsed.isEmpty()) {
            return out;
        }
        return out.withAttribute("s7_block_type", parsed.get().blockType())
                .withAttribute("s7_block_number", Integer.toString(parsed.get().blockNumber()))
                .withAttribute("s7_filesystem", parsed.get().fileSystem());
    }
}
