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
        MessageSummary.Builder s = base(request, unit, transaction);
        fields(s, request);
        validation(s, request, limits);
        return s.build();
    }

    private static MessageSummary.Builder base(ModbusRequest request, OptionalLong unit, OptionalLong transaction) {
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
        MessageSummary.Builder s = MessageSummary.builder(
                        Protocol.MODBUS, Direction.REQUEST, fc, name, ModbusFunctionNames.access(fc, detail))
                .unit(unit)
                .transaction(transaction);
        if (request instanceof ModbusRequest.Unknown) {
            s.anomaly(new Anomaly("modbus_unknown_function", "function code " + fc + " is not public"));
        }
        return s;
    }

    private static MessageSummary.Builder fields(MessageSummary.Builder s, ModbusRequest request) {
        return switch (request) {
            case ModbusRequest.ReadCoils r -> s.range(r.address(), r.quantity());
            case ModbusRequest.ReadDiscreteInputs r -> s.range(r.address(), r.quantity());
            case ModbusRequest.ReadHoldingRegisters r -> s.range(r.address(), r.quantity());
            case ModbusRequest.ReadInputRegisters r -> s.range(r.address(), r.quantity());
            case ModbusRequest.WriteSingleCoil r ->
                s.range(r.address(), 1)
                        .attribute(
                                "values",
                                r.value() == 0xFF00
                                        ? "1"
                                        : r.value() == 0 ? "0" : "0x" + Integer.toHexString(r.value()));
            case ModbusRequest.WriteSingleRegister r ->
                s.range(r.address(), 1).attribute("values", Integer.toString(r.value()));
            case ModbusRequest.WriteMultipleCoils r ->
                s.range(r.address(), r.quantity()).attribute("values", WrittenValues.coils(r.values(), r.quantity()));
            case ModbusRequest.WriteMultipleRegisters r ->
                s.range(r.address(), r.quantity()).attribute("values", WrittenValues.registers(r.values()));
            case ModbusRequest.ReadWriteMultipleRegisters r ->
                s.range(r.writeAddress(), r.writeQuantity())
                        .attribute("values", WrittenValues.registers(r.values()))
                        .attribute("read_address", Integer.toString(r.readAddress()))
                        .attribute("read_quantity", Integer.toString(r.readQuantity()));
            case ModbusRequest.MaskWriteRegister r ->
                s.range(r.address(), 1).attribute("and_mask", hex(r.andMask())).attribute("or_mask", hex(r.orMask()));
            case ModbusRequest.ReadFifoQueue r -> s.range(r.fifoPointerAddress(), 1);
            case ModbusRequest.Diagnostics r -> s.attribute("sub_function", Integer.toString(r.subFunction()));
            case ModbusRequest.ReadDeviceIdentification r ->
                s.attribute("mei_type", "14")
                        .attribute("read_device_id_code", Integer.toString(r.readDeviceIdCode()))
                        .attribute("object_id", Integer.toString(r.objectId()));
            case ModbusRequest.EncapsulatedInterface r -> s.attribute("mei_type", Integer.toString(r.meiType()));
            case ModbusRequest.ReadFileRecord r -> fileRead(s, r);
            case ModbusRequest.WriteFileRecord r -> fileWrite(s, r);
            case ModbusRequest.ReadExceptionStatus r -> s;
            case ModbusRequest.GetCommEventCounter r -> s;
            case ModbusRequest.GetCommEventLog r -> s;
            case ModbusRequest.ReportServerId r -> s;
            case ModbusRequest.Unknown r -> s;
        };
    }

    private static MessageSummary.Builder fileRead(MessageSummary.Builder s, ModbusRequest.ReadFileRecord r) {
        if (r.references().isEmpty()) {
            return s;
        }
        FileRecordReference first = r.references().getFirst();
        return s.range(first.recordNumber(), first.recordLength())
                .attribute("file_number", Integer.toString(first.fileNumber()))
                .attribute("sub_requests", Integer.toString(r.references().size()));
    }

    private static MessageSummary.Builder fileWrite(MessageSummary.Builder s, ModbusRequest.WriteFileRecord r) {
        if (r.records().isEmpty()) {
            return s;
        }
        FileRecordWrite first = r.records().getFirst();
        return s.range(first.recordNumber(), first.data().size())
                .attribute("file_number", Integer.toString(first.fileNumber()))
                .attribute("sub_requests", Integer.toString(r.records().size()))
                .attribute("values", WrittenValues.registers(first.data()));
    }

    private static void validation(MessageSummary.Builder s, ModbusRequest request, ModbusLimits limits) {
        var exception = request.validate(limits);
        if (exception.isEmpty() || request instanceof ModbusRequest.Unknown) {
            return;
        }
        String answer = "a server answers " + exception.get().name();
        s.anomaly(
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
