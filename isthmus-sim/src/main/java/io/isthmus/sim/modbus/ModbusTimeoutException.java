package io.isthmus.sim.modbus;

/** The server's answer did not arrive within the client's timeout; the client is closed. */
public final class ModbusTimeoutException extends ModbusClientException {
    private static final long serialVersionUID = 1L;

    public ModbusTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
