package io.isthmus.wire.modbus;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import java.util.List;
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

    static MessageSummary of(ModbusResponse response, OptionalLong unit, OptionalLong transaction) {
        MessageSummary s = base(response, unit, transaction);
        return switch (response) {
            case ModbusResponse.ExceptionResponse e ->
                s.withStatus(e.code().name())
                        .withAttribute(
                                "exception_code", Integer.toString(e.code().code()));
            case ModbusResponse.WriteSingleCoil r -> s.withRange(r.address(), 1);
            case ModbusResponse.WriteSingleRegister r -> s.withRange(r.address(), 1);
            case ModbusResponse.WriteMultipleCoils r -> s.withRange(r.address(), r.quantity());
            case ModbusResponse.WriteMultipleRegisters r -> s.withRange(r.address(), r.quantity());
            case ModbusResponse.MaskWriteRegister r -> s.withRange(r.address(), 1);
            case ModbusResponse.Diagnostics r -> s.withAttribute("sub_function", Integer.toString(r.subFunction()));
            case ModbusResponse.ReadDeviceIdentification r -> deviceIdentification(s, r);
            case ModbusResponse.EncapsulatedInterface r -> s.withAttribute("mei_type", Integer.toString(r.meiType()));
            case ModbusResponse.Unknown r ->
                s.withAnomaly(
                        new Anomaly("modbus_unknown_function", "function code " + r.functionCode() + " is not public"));
            case ModbusResponse.ReadCoils r -> s;
            case ModbusResponse.ReadDiscreteInputs r -> s;
            case ModbusResponse.ReadHoldingRegisters r -> s;
            case ModbusResponse.ReadInputRegisters r -> s;
            case ModbusResponse.ReadExceptionStatus r -> s;
            case ModbusResponse.GetCommEventCounter r -> s;
            case ModbusResponse.GetCommEventLog r -> s;
            case ModbusResponse.ReportServerId r -> s;
            case ModbusResponse.ReadFileRecord r -> s;
            case ModbusResponse.WriteFileRecord r -> s;
            case ModbusResponse.ReadWriteMultipleRegisters r -> s;
            case ModbusResponse.ReadFifoQueue r -> s;
        };
    }

    private static MessageSummary base(ModbusResponse response, OptionalLong unit, OptionalLong transaction) {
        int fc = response.functionCode();
        int detail = switch (response) {
            case ModbusResponse.Diagnostics d -> d.subFunction();
            case ModbusResponse.ReadDeviceIdentification r -> FunctionCode.MEI_READ_DEVICE_IDENTIFICATION;
            case ModbusResponse.EncapsulatedInterface e -> e.meiType();
            default -> -1;
        };
        String name = fc == FunctionCode.ENCAPSULATED_INTERFACE && detail >= 0
                ? ModbusFunctionNames.meiName(detail)
                : ModbusFunctionNames.name(fc);
        return MessageSummary.of(
                Protocol.MODBUS,
                Direction.RESPONSE,
                fc,
                name,
                ModbusFunctionNames.access(fc, detail),
                unit,
                transaction);
    }

    private static MessageSummary deviceIdentification(MessageSummary s, ModbusResponse.ReadDeviceIdentification r) {
        s = s.withAttribute("mei_type", "14").withAttribute("conformity_level", Integer.toString(r.conformityLevel()));
        List<DeviceIdObject> objects = r.objects();
        for (DeviceIdObject o : objects) {
            s = s.withAttribute(objectName(o.id()), printable(o.valueAsString()));
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
