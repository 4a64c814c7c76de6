package io.isthmus.wire.modbus;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A decoded response PDU as a {@link MessageSummary}. Responses mostly carry no addresses (section
 * 6: only the echoing writes do); exception responses (section 7) report the exception's name as
 * the status; Read Device Identification (section 6.21) reports its objects as attributes, which
 * is how an inventory learns vendor, product code and revision passively.
 */
final class ResponseSummaries {
    /** Longest object value kept in an attribute (objects are at most 255 bytes on the wire). */
    private static final int MAX_OBJECT_TEXT = 255;

    private ResponseSummaries() {}

    /**
     * One summary per response: the echoing writes and the plain responses are made in one
     * construction, the rest through one {@link MessageSummary.Builder}, not a copy per part.
     */
    static MessageSummary of(ModbusResponse response, OptionalLong unit, OptionalLong transaction) {
        return switch (response) {
            case ModbusResponse.ExceptionResponse e ->
                builder(response, unit, transaction)
                        .status(e.code().name())
                        .attribute("exception_code", Integer.toString(e.code().code()))
                        .build();
            case ModbusResponse.WriteSingleCoil r -> summary(response, unit, transaction, r.address(), 1);
            case ModbusResponse.WriteSingleRegister r -> summary(response, unit, transaction, r.address(), 1);
            case ModbusResponse.WriteMultipleCoils r -> summary(response, unit, transaction, r.address(), r.quantity());
            case ModbusResponse.WriteMultipleRegisters r ->
                summary(response, unit, transaction, r.address(), r.quantity());
            case ModbusResponse.MaskWriteRegister r -> summary(response, unit, transaction, r.address(), 1);
            case ModbusResponse.Diagnostics r ->
                builder(response, unit, transaction)
                        .attribute("sub_function", Integer.toString(r.subFunction()))
                        .build();
            case ModbusResponse.ReadDeviceIdentification r ->
                deviceIdentification(builder(response, unit, transaction), r).build();
            case ModbusResponse.EncapsulatedInterface r ->
                builder(response, unit, transaction)
                        .attribute("mei_type", Integer.toString(r.meiType()))
                        .build();
            case ModbusResponse.Unknown r ->
                builder(response, unit, transaction)
                        .anomaly(new Anomaly(
                                "modbus_unknown_function", "function code " + r.functionCode() + " is not public"))
                        .build();
            case ModbusResponse.ReadCoils r -> plain(response, unit, transaction);
            case ModbusResponse.ReadDiscreteInputs r -> plain(response, unit, transaction);
            case ModbusResponse.ReadHoldingRegisters r -> plain(response, unit, transaction);
            case ModbusResponse.ReadInputRegisters r -> plain(response, unit, transaction);
            case ModbusResponse.ReadExceptionStatus r -> plain(response, unit, transaction);
            case ModbusResponse.GetCommEventCounter r -> plain(response, unit, transaction);
            case ModbusResponse.GetCommEventLog r -> plain(response, unit, transaction);
            case ModbusResponse.ReportServerId r -> plain(response, unit, transaction);
            case ModbusResponse.ReadFileRecord r -> plain(response, unit, transaction);
            case ModbusResponse.WriteFileRecord r -> plain(response, unit, transaction);
            case ModbusResponse.ReadWriteMultipleRegisters r -> plain(response, unit, transaction);
            case ModbusResponse.ReadFifoQueue r -> plain(response, unit, transaction);
        };
    }

    /** The sub-function or MEI type that names the function, -1 for the others. */
    private static int detail(ModbusResponse response) {
        return switch (response) {
            case ModbusResponse.Diagnostics d -> d.subFunction();
            case ModbusResponse.ReadDeviceIdentification r -> FunctionCode.MEI_READ_DEVICE_IDENTIFICATION;
            case ModbusResponse.EncapsulatedInterface e -> e.meiType();
            default -> -1;
        };
    }

    private static String name(int fc, int detail) {
        return fc == FunctionCode.ENCAPSULATED_INTERFACE && detail >= 0
                ? ModbusFunctionNames.meiName(detail)
                : ModbusFunctionNames.name(fc);
    }

    private static MessageSummary plain(ModbusResponse response, OptionalLong unit, OptionalLong transaction) {
        return summary(response, unit, transaction, OptionalLong.empty(), OptionalLong.empty());
    }

    /** A write's echo: the function and the range it wrote, in one construction. */
    private static MessageSummary summary(
            ModbusResponse response, OptionalLong unit, OptionalLong transaction, long address, long quantity) {
        return summary(response, unit, transaction, MessageSummary.number(address), MessageSummary.number(quantity));
    }

    /** A response without attributes, status or anomalies, in one construction. */
    private static MessageSummary summary(
            ModbusResponse response,
            OptionalLong unit,
            OptionalLong transaction,
            OptionalLong address,
            OptionalLong quantity) {
        int fc = response.functionCode();
        int detail = detail(response);
        return new MessageSummary(
                Protocol.MODBUS,
                Direction.RESPONSE,
                fc,
                name(fc, detail),
                ModbusFunctionNames.access(fc, detail),
                unit,
                transaction,
                address,
                quantity,
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static MessageSummary.Builder builder(
            ModbusResponse response, OptionalLong unit, OptionalLong transaction) {
        int fc = response.functionCode();
        int detail = detail(response);
        return MessageSummary.builder(
                        Protocol.MODBUS,
                        Direction.RESPONSE,
                        fc,
                        name(fc, detail),
                        ModbusFunctionNames.access(fc, detail))
                .unit(unit)
                .transaction(transaction);
    }

    private static MessageSummary.Builder deviceIdentification(
            MessageSummary.Builder s, ModbusResponse.ReadDeviceIdentification r) {
        s.attribute("mei_type", "14").attribute("conformity_level", Integer.toString(r.conformityLevel()));
        List<DeviceIdObject> objects = r.objects();
        for (DeviceIdObject o : objects) {
            s.attribute(objectName(o.id()), printable(o.valueAsString()));
        }
        return s;
    }

    /** Section 6.21, table of object ids. */
    static String objectName(int id) {
        return switch (id) {
            case DeviceIdObject.VENDOR_NAME -> "vendor_name";
            case DeviceIdObject.PRODUCT_CODE -> "product_code";
            case DeviceIdObject.MAJOR_MINOR_REVISION -> "revision";
            case DeviceIdObject.VENDOR_URL -> "vendor_url";
            case DeviceIdObject.PRODUCT_NAME -> "product_name";
            case DeviceIdObject.MODEL_NAME -> "model_name";
            case DeviceIdObject.USER_APPLICATION_NAME -> "user_application_name";
            default -> String.format("object_0x%02x", id);
        };
    }

    /** Control characters become '?', so a hostile object cannot break a log line or a terminal. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_OBJECT_TEXT));
        for (int i = 0; i < text.length() && i < MAX_OBJECT_TEXT; i++) {
            char c = text.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }
}
