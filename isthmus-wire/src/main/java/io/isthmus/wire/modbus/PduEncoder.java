package io.isthmus.wire.modbus;

import java.util.List;

/** Requests and responses to PDU bytes (Modbus Application Protocol Specification V1.1b3, sections 6, 7). */
final class PduEncoder {
    private PduEncoder() {}

    static byte[] encode(ModbusRequest request, int maxPdu) {
        var out = new PduWriter(maxPdu).u8(request.functionCode());
        switch (request) {
            case ModbusRequest.ReadCoils r -> out.u16(r.address()).u16(r.quantity());
            case ModbusRequest.ReadDiscreteInputs r -> out.u16(r.address()).u16(r.quantity());
            case ModbusRequest.ReadHoldingRegisters r -> out.u16(r.address()).u16(r.quantity());
            case ModbusRequest.ReadInputRegisters r -> out.u16(r.address()).u16(r.quantity());
            case ModbusRequest.WriteSingleCoil r -> out.u16(r.address()).u16(r.value());
            case ModbusRequest.WriteSingleRegister r -> out.u16(r.address()).u16(r.value());
            case ModbusRequest.ReadExceptionStatus r -> {}
            case ModbusRequest.Diagnostics r -> out.u16(r.subFunction()).bytes(r.data());
            case ModbusRequest.GetCommEventCounter r -> {}
            case ModbusRequest.GetCommEventLog r -> {}
            case ModbusRequest.WriteMultipleCoils r ->
                out.u16(r.address())
                        .u16(r.quantity())
                        .u8(r.values().byteCount())
                        .bytes(r.values().toBytes());
            case ModbusRequest.WriteMultipleRegisters r ->
                out.u16(r.address())
                        .u16(r.quantity())
                        .u8(r.values().byteCount())
                        .bytes(r.values().toBytes());
            case ModbusRequest.ReportServerId r -> {}
            case ModbusRequest.ReadFileRecord r -> references(out, r.references());
            case ModbusRequest.WriteFileRecord r -> writes(out.u8(r.dataLength()), r.records());
            case ModbusRequest.MaskWriteRegister r ->
                out.u16(r.address()).u16(r.andMask()).u16(r.orMask());
            case ModbusRequest.ReadWriteMultipleRegisters r ->
                out.u16(r.readAddress())
                        .u16(r.readQuantity())
                        .u16(r.writeAddress())
                        .u16(r.writeQuantity())
                        .u8(r.values().byteCount())
                        .bytes(r.values().toBytes());
            case ModbusRequest.ReadFifoQueue r -> out.u16(r.fifoPointerAddress());
            case ModbusRequest.EncapsulatedInterface r -> out.u8(r.meiType()).bytes(r.data());
            case ModbusRequest.ReadDeviceIdentification r ->
                out.u8(FunctionCode.MEI_READ_DEVICE_IDENTIFICATION)
                        .u8(r.readDeviceIdCode())
                        .u8(r.objectId());
            case ModbusRequest.Unknown r -> out.bytes(r.data());
        }
        return out.toByteArray();
    }

    static byte[] encode(ModbusResponse response, int maxPdu) {
        var out = new PduWriter(maxPdu).u8(response.wireFunctionCode());
        switch (response) {
            case ModbusResponse.ReadCoils r ->
                out.u8(r.coils().byteCount()).bytes(r.coils().toBytes());
            case ModbusResponse.ReadDiscreteInputs r ->
                out.u8(r.inputs().byteCount()).bytes(r.inputs().toBytes());
            case ModbusResponse.ReadHoldingRegisters r -> registers(out, r.registers());
            case ModbusResponse.ReadInputRegisters r -> registers(out, r.registers());
            case ModbusResponse.WriteSingleCoil r -> out.u16(r.address()).u16(r.value());
            case ModbusResponse.WriteSingleRegister r -> out.u16(r.address()).u16(r.value());
            case ModbusResponse.ReadExceptionStatus r -> out.u8(r.outputData());
            case ModbusResponse.Diagnostics r -> out.u16(r.subFunction()).bytes(r.data());
            case ModbusResponse.GetCommEventCounter r -> out.u16(r.status()).u16(r.eventCount());
            case ModbusResponse.GetCommEventLog r ->
                out.u8(6 + r.events().length)
                        .u16(r.status())
                        .u16(r.eventCount())
                        .u16(r.messageCount())
                        .bytes(r.events());
            case ModbusResponse.WriteMultipleCoils r -> out.u16(r.address()).u16(r.quantity());
            case ModbusResponse.WriteMultipleRegisters r -> out.u16(r.address()).u16(r.quantity());
            case ModbusResponse.ReportServerId r -> out.u8(r.data().length).bytes(r.data());
            case ModbusResponse.ReadFileRecord r -> fileData(out, r.records());
            case ModbusResponse.WriteFileRecord r ->
                writes(
                        out.u8(r.records().stream()
                                .mapToInt(FileRecordWrite::encodedLength)
                                .sum()),
                        r.records());
            case ModbusResponse.MaskWriteRegister r ->
                out.u16(r.address()).u16(r.andMask()).u16(r.orMask());
            case ModbusResponse.ReadWriteMultipleRegisters r -> registers(out, r.registers());
            case ModbusResponse.ReadFifoQueue r ->
                out.u16(2 + r.values().byteCount())
                        .u16(r.values().size())
                        .bytes(r.values().toBytes());
            case ModbusResponse.EncapsulatedInterface r -> out.u8(r.meiType()).bytes(r.data());
            case ModbusResponse.ReadDeviceIdentification r -> deviceIdentification(out, r);
            case ModbusResponse.Unknown r -> out.bytes(r.data());
            case ModbusResponse.ExceptionResponse r -> out.u8(r.code().code());
        }
        return out.toByteArray();
    }

    private static void registers(PduWriter out, Registers registers) {
        out.u8(registers.byteCount()).bytes(registers.toBytes());
    }

    private static void references(PduWriter out, List<FileRecordReference> references) {
        out.u8(7 * references.size());
        for (var r : references) {
            out.u8(r.referenceType()).u16(r.fileNumber()).u16(r.recordNumber()).u16(r.recordLength());
        }
    }

    private static void writes(PduWriter out, List<FileRecordWrite> records) {
        for (var r : records) {
            out.u8(r.referenceType())
                    .u16(r.fileNumber())
                    .u16(r.recordNumber())
                    .u16(r.data().size())
                    .bytes(r.data().toBytes());
        }
    }

    private static void fileData(PduWriter out, List<FileRecordData> records) {
        out.u8(records.stream().mapToInt(FileRecordData::encodedLength).sum());
        for (var r : records) {
            out.u8(1 + r.data().byteCount())
                    .u8(r.referenceType())
                    .bytes(r.data().toBytes());
        }
    }

    private static void deviceIdentification(PduWriter out, ModbusResponse.ReadDeviceIdentification r) {
        out.u8(FunctionCode.MEI_READ_DEVICE_IDENTIFICATION)
                .u8(r.readDeviceIdCode())
                .u8(r.conformityLevel())
                .u8(r.moreFollows() ? 0xFF : 0x00)
                .u8(r.nextObjectId())
                .u8(r.objects().size());
        for (var o : r.objects()) {
            out.u8(o.id()).u8(o.length()).bytes(o.value());
        }
    }
}
