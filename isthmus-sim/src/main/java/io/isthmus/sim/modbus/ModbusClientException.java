package io.isthmus.sim.modbus;

import java.io.IOException;

/**
 * A {@link ModbusTcpClient} request failed: the connection broke, the server's answer did not
 * match the request, or (subclasses) the server answered with an exception or not in time. After
 * any failure other than {@link ModbusExceptionResponseException} the client is closed.
 */
public class ModbusClientException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModbusClientException(String message) {
        super(message);
    }

    public ModbusClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
