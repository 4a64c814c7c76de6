package io.isthmus.wire.modbus;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.OptionalLong;

/**
 * A decoded request PDU as the protocol-independent {@link MessageSummary}: function, addresses and
 * quantities where section 6 defines them, written values (bounded), and the validation failures
 * a server would answer with an exception (section 6's state diagrams) as anomalies.
 */
final class RequestSummaries {
    private RequestSummaries() {}

    static MessageSummary of(ModbusRequest request, ModbusLimits limits) {
        return of(request, limits, OptionalLong.empty(), OptionalLong.empty());
    }

    /** With the MBAP header's unit and transaction, set in the first construction. */
    static MessageSummary of(ModbusRequest request, ModbusLimits limits, OptionalLong unit, OptionalLong transaction) {
        MessageSummary s = base(request, unit, transaction);
        s = fields(s, request);
        return validation(s, request, limits);
    }

    private static MessageSummary base(ModbusRequest request, OptionalLong unit, OptionalLong transaction) {
        int fc = request.functionCode();
        int detail = switch (request) {
            case ModbusRequest.Diagnostics d -> d.subFunction();
            case ModbusRequest.ReadDeviceIdentification r -> FunctionCode.MEI_READ_DEVICE_IDENTIFICATION;
            case ModbusRequest.EncapsulatedInterface e -> e.meiType();
            default -> -1;
        };
        String name = fc == FunctionCode.ENCAPSULATED_INTERFACE
                ? ModbusFunctionNames.meiName(detail)
                : ModbusFunctionNames.name(fc);
        MessageSummary s = MessageSummary.of(
                Protocol.MODBUS,
                Direction.REQUEST,
                fc,
                name,
                ModbusFunctionNames.access(fc, detail),
                unit,
                transaction);
        if (request instanceof ModbusRequest.Unknown) {
            s = s.withAnomaly(new Anomaly("modbus_unknown_function", "function code " + fc + " is not public"));
        }
        return s;
    }

    private static MessageSummary fields(MessageSummary s, ModbusRequest request) {
        return switch (request) {
            case ModbusRequest.ReadCoils r -> s.withRange(r.address(), r.quantity());
            case ModbusRequest.ReadDiscreteInputs r -> s.withRange(r.address(), r.quantity());
            case ModbusRequest.ReadHoldingRegisters r -> s.withRange(r.address(), r.quantity());
            case ModbusRequest.ReadInputRegisters r -> s.withRange(r.address(), r.quantity());
            case ModbusRequest.WriteSingleCoil r ->
                s.withRange(r.address(), 1)
                        .withAttribute(
                                "values",
                                r.value() == 0xFF00
                                        ? "1"
                                        : r.value() == 0 ? "0" : "0x" + Integer.toHexString(r.value()));
            case ModbusRequest.WriteSingleRegister r ->
                s.withRange(r.address(), 1).withAttribute("values", Integer.toString(r.value()));
            case ModbusRequest.WriteMultipleCoils r ->
                s.withRange(r.address(), r.quantity())
                        .withAttribute("values", WrittenValues.coils(r.values(), r.quantity()));
            case ModbusRequest.WriteMultipleRegisters r ->
                s.withRange(r.address(), r.quantity()).withAttribute("values", WrittenValues.registers(r.values()));
            case ModbusRequest.ReadWriteMultipleRegisters r ->
                s.withRange(r.writeAddress(), r.writeQuantity())
                        .withAttribute("values", WrittenValues.registers(r.values()))
                        .withAttribute("read_address", Integer.toString(r.readAddress()))
                        .withAttribute("read_quantity", Integer.toString(r.readQuantity()));
            case ModbusRequest.MaskWriteRegister r ->
                s.withRange(r.address(), 1)
                        .withAttribute("and_mask", hex(r.andMask()))
                        .withAttribute("or_mask", hex(r.orMask()));
            case ModbusRequest.ReadFifoQueue r -> s.withRange(r.fifoPointerAddress(), 1);
            case ModbusRequest.Diagnostics r -> s.withAttribute("sub_function", Integer.toString(r.subFunction()));
            case ModbusRequest.ReadDeviceIdentification r ->
                s.withAttribute("mei_type", "14")
                        .withAttribute("read_device_id_code", Integer.toString(r.readDeviceIdCode()))
                        .withAttribute("object_id", Integer.toString(r.objectId()));
            case ModbusRequest.EncapsulatedInterface r -> s.withAttribute("mei_type", Integer.toString(r.meiType()));
            case ModbusRequest.ReadFileRecord r -> fileRead(s, r);
            case ModbusRequest.WriteFileRecord r -> fileWrite(s, r);
            case ModbusRequest.ReadExceptionStatus r -> s;
            case ModbusRequest.GetCommEventCounter r -> s;
            case ModbusRequest.GetCommEventLog r -> s;
            case ModbusRequest.ReportServerId r -> s;
            case ModbusRequest.Unknown r -> s;
        };
    }

    private static MessageSummary fileRead(MessageSummary s, ModbusRequest.ReadFileRecord r) {
        if (r.references().isEmpty()) {
            return s;
        }
        FileRecordReference first = r.references().getFirst();
        return s.withRange(first.recordNumber(), first.recordLength())
                .withAttribute("file_number", Integer.toString(first.fileNumber()))
                .withAttribute("sub_requests", Integer.toString(r.references().size()));
    }

    private static MessageSummary fileWrite(MessageSummary s, ModbusRequest.WriteFileRecord r) {
        if (r.records().isEmpty()) {
            return s;
        }
        FileRecordWrite first = r.records().getFirst();
        return s.withRange(first.recordNumber(), first.data().size())
                .withAttribute("file_number", Integer.toString(first.fileNumber()))
                .withAttribute("sub_requests", Integer.toString(r.records().size()))
                .withAttribute("values", WrittenValues.registers(first.data()));
    }

    private static MessageSummary validation(MessageSummary s, ModbusRequest request, ModbusLimits limits) {
        var exception = request.validate(limits);
        if (exception.isEmpty() || request instanceof ModbusRequest.Unknown) {
            return s;
        }
        String answer = "a server answers " + exception.get().name();
        return s.withAnomaly(
                switch (request) {
                    case ModbusRequest.WriteMultipleCoils r
                    when r.quantity() >= 1 && r.quantity() <= limits.maxWriteCoils() ->
                        new Anomaly(
                                "modbus_byte_count_mismatch",
                                "byte count " + r.values().byteCount() + " for " + r.quantity() + " coils; " + answer);
                    case ModbusRequest.WriteMultipleRegisters r
                    when r.quantity() >= 1 && r.quantity() <= limits.maxWriteRegisters() ->
                        new Anomaly(
                                "modbus_byte_count_mismatch",
                                r.values().size() + " registers for quantity " + r.quantity() + "; " + answer);
                    default ->
                        s.quantity().isPresent() && exception.get() == ExceptionCode.ILLEGAL_DATA_VALUE
                                ? new Anomaly(
                                        "modbus_quantity_out_of_range",
                                        "quantity " + s.quantity().getAsLong() + "; " + answer)
                                : new Anomaly("modbus_invalid_request", answer);
                });
    }

    private static String hex(int v) {
        return String.format("0x%04x", v);
    }
}
