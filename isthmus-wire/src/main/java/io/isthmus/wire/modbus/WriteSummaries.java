package io.isthmus.wire.modbus;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.wire.Attribute;
import io.isthmus.wire.AttributeSink;
import io.isthmus.wire.Direction;
import io.isthmus.wire.LazyAttributes;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.Octets;
import java.util.List;
import java.util.Optional;

/**
 * The four write functions (FC 5, 6, 15 and 16, Modbus Application Protocol Specification V1.1b3
 * sections 6.5, 6.6, 6.11 and 6.12), the rest of what a polling master and its servers exchange
 * after the reads, summarised straight from the PDU octets as {@link ReadSummaries} does for the
 * reads: no request or response record, decode result, builder, copied values or reader per
 * message.
 *
 * <p>Only a PDU that {@link RequestDecoder} or {@link ResponseDecoder} would decode without
 * complaint and that {@link RequestSummaries} would give no anomaly takes this path, and it gives
 * the summary they give: {@link #plainRequest} and {@link #plainResponse} say which PDUs qualify;
 * every other PDU (wrong length, a coil value other than ON or OFF, a byte count that does not
 * match the quantity, quantity out of range, range past 0xFFFF) goes the general way, with its
 * anomalies.
 */
final class WriteSummaries {
    /** The {@code values} attribute of Write Single Coil ON and OFF, shared: immutable. */
    private static final List<Attribute> COIL_ON = List.of(new Attribute("values", "1"));

    private static final List<Attribute> COIL_OFF = List.of(new Attribute("values", "0"));

    private WriteSummaries() {}

    /** True for FC 5, 6, 15 and 16 (also false when {@code length} is 0). */
    static boolean isWrite(byte[] b, int pdu, int length) {
        if (length == 0) {
            return false;
        }
        int fc = Octets.u8(b, pdu);
        return fc == FunctionCode.WRITE_SINGLE_COIL
                || fc == FunctionCode.WRITE_SINGLE_REGISTER
                || fc == FunctionCode.WRITE_MULTIPLE_COILS
                || fc == FunctionCode.WRITE_MULTIPLE_REGISTERS;
    }

    /**
     * True when the write request at {@code pdu} ({@link #isWrite}) is within {@link
     * ModbusLimits#maxPdu()} and valid: FC 5 exactly 5 octets with the value 0xFF00 or 0x0000; FC 6
     * exactly 5 octets; FC 15 and 16 a byte count that is exactly the octets that follow and
     * matches a quantity of 1 to the limit's, inside the 16-bit address space.
     */
    static boolean plainRequest(byte[] b, int pdu, int length, ModbusLimits limits) {
        if (length > limits.maxPdu()) {
            return false;
        }
        int fc = Octets.u8(b, pdu);
        if (fc == FunctionCode.WRITE_SINGLE_COIL || fc == FunctionCode.WRITE_SINGLE_REGISTER) {
            if (length != 5) {
                return false;
            }
            int value = Octets.u16be(b, pdu + 3);
            return fc == FunctionCode.WRITE_SINGLE_REGISTER
                    || value == ModbusRequest.WriteSingleCoil.ON
                    || value == ModbusRequest.WriteSingleCoil.OFF;
        }
        if (length < 6 || length != 6 + Octets.u8(b, pdu + 5)) {
            return false;
        }
        int address = Octets.u16be(b, pdu + 1);
        int quantity = Octets.u16be(b, pdu + 3);
        int count = Octets.u8(b, pdu + 5);
        boolean coils = fc == FunctionCode.WRITE_MULTIPLE_COILS;
        int max = coils ? limits.maxWriteCoils() : limits.maxWriteRegisters();
        return quantity >= 1
                && quantity <= max
                && count == (coils ? PackedBits.byteCountFor(quantity) : 2 * quantity)
                && address + quantity <= 0x10000;
    }

    /**
     * The summary of a request that {@link #plainRequest} accepted: the range written and the
     * {@code values} attribute as {@link RequestSummaries} gives them ({@link WrittenValues}).
     */
    static MessageSummary request(byte[] b, int pdu, int unit, int transaction) {
        int fc = Octets.u8(b, pdu);
        int address = Octets.u16be(b, pdu + 1);
        int field = Octets.u16be(b, pdu + 3); // the value of FC 5 and 6, the quantity of FC 15 and 16
        List<Attribute> values;
        int quantity;
        switch (fc) {
            case FunctionCode.WRITE_SINGLE_COIL -> {
                values = field == ModbusRequest.WriteSingleCoil.ON ? COIL_ON : COIL_OFF;
                quantity = 1;
            }
            case FunctionCode.WRITE_SINGLE_REGISTER -> {
                values = List.of(new Attribute("values", Integer.toString(field)));
                quantity = 1;
            }
            case FunctionCode.WRITE_MULTIPLE_COILS -> {
                values = new WrittenCoils(b, pdu + 6, field);
                quantity = field;
            }
            default -> {
                values = List.of(new Attribute("values", WrittenValues.registers(b, pdu + 6, field)));
                quantity = field;
            }
        }
        return new MessageSummary(
                Protocol.MODBUS,
                Direction.REQUEST,
                fc,
                ModbusFunctionNames.name(fc),
                AccessKind.WRITE,
                ReadSummaries.ALL_NUMBERS,
                unit,
                transaction,
                address,
                quantity,
                Optional.empty(),
                values,
                List.of());
    }

    /**
     * True when the write response at {@code pdu} ({@link #isWrite}) is the 5 octets of its echo
     * (fc, address, value or quantity; sections 6.5, 6.6, 6.11, 6.12) and within {@link
     * ModbusLimits#maxPdu()}.
     */
    static boolean plainResponse(int length, ModbusLimits limits) {
        return length == 5 && length <= limits.maxPdu();
    }

    /** The summary of a response that {@link #plainResponse} accepted: function and the range written. */
    static MessageSummary response(byte[] b, int pdu, int unit, int transaction) {
        int fc = Octets.u8(b, pdu);
        boolean single = fc == FunctionCode.WRITE_SINGLE_COIL || fc == FunctionCode.WRITE_SINGLE_REGISTER;
        return new MessageSummary(
                Protocol.MODBUS,
                Direction.RESPONSE,
                fc,
                ModbusFunctionNames.name(fc),
                AccessKind.WRITE,
                ReadSummaries.ALL_NUMBERS,
                unit,
                transaction,
                Octets.u16be(b, pdu + 1),
                single ? 1 : Octets.u16be(b, pdu + 3),
                Optional.empty(),
                List.of(),
                List.of());
    }

    /**
     * The {@code values} attribute of Write Multiple Coils, written when it is read: the first
     * {@value WrittenValues#MAX_VALUES} coils kept as bits, the rest counted, the text that {@link
     * WrittenValues#coils} gives.
     */
    static final class WrittenCoils extends LazyAttributes {
        /** Coil {@code i} of the first {@link #listed} in bit {@code i}. */
        private final int bits;

        private final int listed;
        private final int more;

        /** The {@code quantity} coils packed from index {@code at} of {@code b}, all present. */
        WrittenCoils(byte[] b, int at, int quantity) {
            this.listed = Math.min(quantity, WrittenValues.MAX_VALUES);
            this.more = quantity - listed;
            int first = Octets.u8(b, at);
            int second = listed > 8 ? Octets.u8(b, at + 1) : 0;
            this.bits = first | second << 8;
        }

        @Override
        public void writeTo(AttributeSink out) {
            out.name("values");
            for (int i = 0; i < listed; i++) {
                out.text(i == 0 ? BITS[bits & 1] : SEPARATED_BITS[bits >>> i & 1]);
            }
            if (more > 0) {
                out.text(",...(+");
                out.decimal(more);
                out.text(")");
            }
        }

        private static final String[] BITS = {"0", "1"};
        private static final String[] SEPARATED_BITS = {",0", ",1"};
    }
}
