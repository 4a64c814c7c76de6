package io.isthmus.wire.modbus;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.Octets;
import java.util.List;
import java.util.Optional;

/**
 * The four read functions (FC 1 to 4, Modbus Application Protocol Specification V1.1b3 sections
 * 6.1 to 6.4), which are most of what a polling master and its servers exchange, summarised
 * straight from the PDU octets: no request or response record, decode result, copied values or
 * reader per message (the decoding thread of {@code analyze} runs C1 only; perf12m).
 *
 * <p>Only a PDU that {@link RequestDecoder} or {@link ResponseDecoder} would decode without
 * complaint and that {@link RequestSummaries} would give no anomaly takes this path, and it gives
 * the summary they give: {@link #plainRequest} and {@link #plainResponse} say which PDUs qualify;
 * every other PDU (wrong length, odd register byte count, quantity out of range, range past
 * 0xFFFF) goes the general way, with its anomalies.
 */
final class ReadSummaries {
    private ReadSummaries() {}

    /** True for FC 1..4 (also false when {@code length} is 0). */
    static boolean isRead(byte[] b, int pdu, int length) {
        if (length == 0) {
            return false;
        }
        int fc = Octets.u8(b, pdu);
        return fc >= FunctionCode.READ_COILS && fc <= FunctionCode.READ_INPUT_REGISTERS;
    }

    /**
     * True when the read request at {@code pdu} (fc, address, quantity; section 6.1 to 6.4) is
     * exactly 5 octets, within {@link ModbusLimits#maxPdu()}, asks for 1 to the limit's quantity
     * and stays inside the 16-bit address space.
     */
    static boolean plainRequest(byte[] b, int pdu, int length, ModbusLimits limits) {
        if (length != 5 || length > limits.maxPdu()) {
            return false;
        }
        int fc = Octets.u8(b, pdu);
        int max = fc <= FunctionCode.READ_DISCRETE_INPUTS ? limits.maxReadCoils() : limits.maxReadRegisters();
        int address = Octets.u16be(b, pdu + 1);
        int quantity = Octets.u16be(b, pdu + 3);
        return quantity >= 1 && quantity <= max && address + quantity <= 0x10000;
    }

    /** The summary of a request that {@link #plainRequest} accepted. */
    static MessageSummary request(byte[] b, int pdu, int unit, int transaction) {
        int fc = Octets.u8(b, pdu);
        return new MessageSummary(
                Protocol.MODBUS,
                Direction.REQUEST,
                fc,
                ModbusFunctionNames.name(fc),
                AccessKind.READ,
                ALL_NUMBERS,
                unit,
                transaction,
                Octets.u16be(b, pdu + 1),
                Octets.u16be(b, pdu + 3),
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * True when the read response at {@code pdu} (fc, byte count, data) is within {@link
     * ModbusLimits#maxPdu()}, its byte count is exactly the octets that follow, and for registers
     * (FC 3, 4) even.
     */
    static boolean plainResponse(byte[] b, int pdu, int length, ModbusLimits limits) {
        if (length < 2 || length > limits.maxPdu()) {
            return false;
        }
        int count = Octets.u8(b, pdu + 1);
        boolean registers = Octets.u8(b, pdu) >= FunctionCode.READ_HOLDING_REGISTERS;
        return length == 2 + count && !(registers && count % 2 != 0);
    }

    /** The summary of a response that {@link #plainResponse} accepted: function only (section 6). */
    static MessageSummary response(byte[] b, int pdu, int unit, int transaction) {
        int fc = Octets.u8(b, pdu);
        return new MessageSummary(
                Protocol.MODBUS,
                Direction.RESPONSE,
                fc,
                ModbusFunctionNames.name(fc),
                AccessKind.READ,
                MessageSummary.UNIT | MessageSummary.TRANSACTION,
                unit,
                transaction,
                0,
                0,
                Optional.empty(),
                List.of(),
                List.of());
    }

    /** Unit, transaction, address and quantity: what a plain request carries. */
    static final int ALL_NUMBERS =
            MessageSummary.UNIT | MessageSummary.TRANSACTION | MessageSummary.ADDRESS | MessageSummary.QUANTITY;
}
