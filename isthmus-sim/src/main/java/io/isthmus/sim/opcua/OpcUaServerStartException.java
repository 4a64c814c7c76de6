package io.isthmus.sim.opcua;

/** The OPC UA server could not start: its port is taken, or its certificate cannot be made. */
public final class OpcUaServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpcUaServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
