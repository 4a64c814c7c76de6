package io.isthmus.connect.opcua;

/**
 * Connecting to an OPC UA server failed: no answer, no endpoint with the configured security, a
 * certificate refused by either side, or the session could not be activated. The message names
 * the endpoint and the cause (with the OPC UA status name when the server sent one).
 */
public final class OpcUaConnectException extends Exception {
    public OpcUaConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public OpcUaConnectException(String message) {
        super(message);
    }
}
