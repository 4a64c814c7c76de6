package io.isthmus.sim.modbus;

import io.isthmus.wire.modbus.ExceptionCode;

/**
 * The server answered with an exception response (Modbus Application Protocol Specification
 * V1.1b3, section 7). The connection stays usable.
 */
public final class ModbusExceptionResponseException extends ModbusClientException {
    private static final long serialVersionUID = 1L;

    private final int functionCode;
    private final ExceptionCode code;

    public ModbusExceptionResponseException(int functionCode, ExceptionCode code) {
        super("Modbus exception " + code + " (" + code.code() + ") for function code " + functionCode);
        this.functionCode = functionCode;
        this.code = code;
    }

    public ExceptionCode code() {
        return code;
    }

    /** The function code of the request (without the exception bit). */
    public int functionCode() {
        return functionCode;
    }
}
