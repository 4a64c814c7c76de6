package io.isthmus.sim.modbus;

import io.isthmus.sim.plc.RegisterImage;
import io.isthmus.wire.modbus.DeviceIdObject;
import io.isthmus.wire.modbus.ExceptionCode;
import io.isthmus.wire.modbus.ModbusLimits;
import io.isthmus.wire.modbus.ModbusRequest;
import io.isthmus.wire.modbus.ModbusResponse;
import io.isthmus.wire.modbus.ModbusResponse.ExceptionResponse;
import io.isthmus.wire.modbus.PduError;
import io.isthmus.wire.modbus.Registers;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers requests from one {@link RegisterImage}, in the order of the specification's server
 * state diagrams (Modbus Application Protocol Specification V1.1b3, section 6): function code
 * supported, else ILLEGAL_FUNCTION; quantities and values, else ILLEGAL_DATA_VALUE; addresses inside
 * the table, else ILLEGAL_DATA_ADDRESS; then the action. An action that throws is the caller's to
 * report (as SERVER_DEVICE_FAILURE).
 *
 * <p>Implemented: 1, 2, 3, 4, 5, 6, 15, 16, 23, 8 sub-function 0 (echo) and 43/14 (basic device
 * identification, stream and individual access). Every other request is ILLEGAL_FUNCTION. No I/O:
 * the TCP server and tests call it alike.
 */
final class RegisterImageHandler {
    /** Basic identification, stream and individual access (section 6.21, conformity level). */
    static final int CONFORMITY_LEVEL = 0x81;

    private final RegisterImage image;
    private final ModbusLimits limits;
    private final List<DeviceIdObject> identityObjects;

    RegisterImageHandler(RegisterImage image, ModbusLimits limits, ModbusDeviceIdentity identity) {
        this.image = image;
        this.limits = limits;
        this.identityObjects = identity.basicObjects();
    }

    ModbusResponse handle(ModbusRequest request) {
        return switch (request) {
            case ModbusRequest.ReadCoils r -> readCoils(r);
            case ModbusRequest.ReadDiscreteInputs r -> readDiscreteInputs(r);
            case ModbusRequest.ReadHoldingRegisters r -> readHoldingRegisters(r);
            case ModbusRequest.ReadInputRegisters r -> readInputRegisters(r);
            case ModbusRequest.WriteSingleCoil r -> writeSingleCoil(r);
            case ModbusRequest.WriteSingleRegister r -> writeSingleRegister(r);
            case ModbusRequest.WriteMultipleCoils r -> writeMultipleCoils(r);
            case ModbusRequest.WriteMultipleRegisters r -> writeMultipleRegisters(r);
            case ModbusRequest.ReadWriteMultipleRegisters r -> readWriteMultipleRegisters(r);
            case ModbusRequest.Diagnostics r -> diagnostics(r);
            case ModbusRequest.ReadDeviceIdentification r -> checked(r, () -> deviceIdentification(r));
            case ModbusRequest.ReadExceptionStatus r -> illegalFunction(r);
            case ModbusRequest.GetCommEventCounter r -> illegalFunction(r);
            case ModbusRequest.GetCommEventLog r -> illegalFunction(r);
            case ModbusRequest.ReportServerId r -> illegalFunction(r);
            case ModbusRequest.ReadFileRecord r -> illegalFunction(r);
            case ModbusRequest.WriteFileRecord r -> illegalFunction(r);
            case ModbusRequest.MaskWriteRegister r -> illegalFunction(r);
            case ModbusRequest.ReadFifoQueue r -> illegalFunction(r);
            case ModbusRequest.EncapsulatedInterface r -> illegalFunction(r);
            case ModbusRequest.Unknown r -> illegalFunction(r);
        };
    }

    private ModbusResponse readCoils(ModbusRequest.ReadCoils r) {
        return inTable(
                r,
                image.coilCount(),
                r.address(),
                r.quantity(),
                () -> ModbusResponse.ReadCoils.of(image.readCoils(r.address(), r.quantity())));
    }

    private ModbusResponse readDiscreteInputs(ModbusRequest.ReadDiscreteInputs r) {
        return inTable(
                r,
                image.discreteInputCount(),
                r.address(),
                r.quantity(),
                () -> ModbusResponse.ReadDiscreteInputs.of(image.readDiscreteInputs(r.address(), r.quantity())));
    }

    private ModbusResponse readHoldingRegisters(ModbusRequest.ReadHoldingRegisters r) {
        return inTable(
                r,
                image.holdingRegisterCount(),
                r.address(),
                r.quantity(),
                () -> new ModbusResponse.ReadHoldingRegisters(
                        Registers.of(image.readHoldingRegisters(r.address(), r.quantity()))));
    }

    private ModbusResponse readInputRegisters(ModbusRequest.ReadInputRegisters r) {
        return inTable(
                r,
                image.inputRegisterCount(),
                r.address(),
                r.quantity(),
                () -> new ModbusResponse.ReadInputRegisters(
                        Registers.of(image.readInputRegisters(r.address(), r.quantity()))));
    }

    private ModbusResponse writeSingleCoil(ModbusRequest.WriteSingleCoil r) {
        return inTable(r, image.coilCount(), r.address(), 1, () -> {
            image.writeCoils(r.address(), new boolean[] {r.on()});
            return new ModbusResponse.WriteSingleCoil(r.address(), r.value());
        });
    }

    private ModbusResponse writeSingleRegister(ModbusRequest.WriteSingleRegister r) {
        return inTable(r, image.holdingRegisterCount(), r.address(), 1, () -> {
            image.writeHoldingRegisters(r.address(), new short[] {(short) r.value()});
            return new ModbusResponse.WriteSingleRegister(r.address(), r.value());
        });
    }

    private ModbusResponse writeMultipleCoils(ModbusRequest.WriteMultipleCoils r) {
        return inTable(r, image.coilCount(), r.address(), r.quantity(), () -> {
            image.writeCoils(r.address(), r.values().unpack(r.quantity()));
            return new ModbusResponse.WriteMultipleCoils(r.address(), r.quantity());
        });
    }

    private ModbusResponse writeMultipleRegisters(ModbusRequest.WriteMultipleRegisters r) {
        return inTable(r, image.holdingRegisterCount(), r.address(), r.quantity(), () -> {
            image.writeHoldingRegisters(r.address(), r.values().toShortArray());
            return new ModbusResponse.WriteMultipleRegisters(r.address(), r.quantity());
        });
    }

    /** Section 6.8: only sub-function 0, Return Query Data, which echoes the request. */
    private ModbusResponse diagnostics(ModbusRequest.Diagnostics r) {
        return r.subFunction() == ModbusRequest.Diagnostics.RETURN_QUERY_DATA
                ? checked(r, () -> new ModbusResponse.Diagnostics(r.subFunction(), r.data()))
                : illegalFunction(r);
    }

    /**
     * The answer to a PDU that did not decode: a function this server does not implement is
     * ILLEGAL_FUNCTION whatever its shape (the state diagrams check the code first), anything else
     * ILLEGAL_DATA_VALUE.
     */
    ExceptionResponse handleMalformed(int functionCode, PduError error) {
        int fc = functionCode & 0x7F;
        boolean illegalFunction =
                error == PduError.INVALID_FUNCTION_CODE || error == PduError.RESERVED_MEI_TYPE || !implemented(fc);
        return new ExceptionResponse(
                fc, illegalFunction ? ExceptionCode.ILLEGAL_FUNCTION : ExceptionCode.ILLEGAL_DATA_VALUE);
    }

    /** The function codes {@link #handle} implements (43 only for MEI 14, which the decoder tells apart). */
    private static boolean implemented(int functionCode) {
        return switch (functionCode) {
            case 1, 2, 3, 4, 5, 6, 8, 15, 16, 23, 43 -> true;
            default -> false;
        };
    }

    private ModbusResponse readWriteMultipleRegisters(ModbusRequest.ReadWriteMultipleRegisters r) {
        return checked(r, () -> {
            int size = image.holdingRegisterCount();
            if (!RegisterImage.inRange(size, r.readAddress(), r.readQuantity())
                    || !RegisterImage.inRange(size, r.writeAddress(), r.writeQuantity())) {
                return exception(r, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            // Section 6.17: the write is performed before the read.
            image.writeHoldingRegisters(r.writeAddress(), r.values().toShortArray());
            return new ModbusResponse.ReadWriteMultipleRegisters(
                    Registers.of(image.readHoldingRegisters(r.readAddress(), r.readQuantity())));
        });
    }

    /**
     * Stream access (codes 1..3) starts at the requested object, or at 0 when the server does not
     * have it; a level above this server's basic conformity is answered at basic level. Individual
     * access (code 4) to a missing object is ILLEGAL_DATA_ADDRESS (section 6.21).
     */
    private ModbusResponse deviceIdentification(ModbusRequest.ReadDeviceIdentification r) {
        int id = r.objectId();
        boolean known = id < identityObjects.size();
        if (r.readDeviceIdCode() == ModbusRequest.ReadDeviceIdentification.SPECIFIC) {
            return known
                    ? identification(r, List.of(identityObjects.get(id)))
                    : exception(r, ExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
        return identification(r, identityObjects.subList(known ? id : 0, identityObjects.size()));
    }

    private static ModbusResponse identification(
            ModbusRequest.ReadDeviceIdentification r, List<DeviceIdObject> objects) {
        return new ModbusResponse.ReadDeviceIdentification(r.readDeviceIdCode(), CONFORMITY_LEVEL, false, 0, objects);
    }

    /** Validates, checks {@code [address, address + quantity)} against a table of {@code size}, then acts. */
    private ModbusResponse inTable(
            ModbusRequest r, int size, int address, int quantity, Supplier<ModbusResponse> action) {
        return checked(
                r,
                () -> RegisterImage.inRange(size, address, quantity)
                        ? action.get()
                        : exception(r, ExceptionCode.ILLEGAL_DATA_ADDRESS));
    }

    private ModbusResponse checked(ModbusRequest r, Supplier<ModbusResponse> action) {
        return r.validate(limits)
                .<ModbusResponse>map(code -> exception(r, code))
                .orElseGet(action);
    }

    private static ModbusResponse illegalFunction(ModbusRequest r) {
        return exception(r, ExceptionCode.ILLEGAL_FUNCTION);
    }

    static ExceptionResponse exception(ModbusRequest r, ExceptionCode code) {
        return new ExceptionResponse(r.functionCode(), code);
    }
}
