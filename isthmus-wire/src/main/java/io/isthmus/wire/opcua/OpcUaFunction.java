package io.isthmus.wire.opcua;

import io.isthmus.model.AccessKind;

/**
 * The function codes given to OPC UA messages that carry no readable service TypeId (see
 * package-info). They are below 397, the smallest service encoding NodeId, and the namespace-0
 * NodeIds 0 to 6 they share are the null NodeId and built-in data types, never a message body.
 */
public enum OpcUaFunction {
    /** HEL (IEC 62541-6 §7.1.2.3). */
    HELLO(0, "Hello"),
    /** ACK (§7.1.2.4). */
    ACKNOWLEDGE(1, "Acknowledge"),
    /** ERR (§7.1.2.5). */
    ERROR(2, "Error"),
    /** RHE (§7.1.2.6). */
    REVERSE_HELLO(3, "ReverseHello"),
    /** A chunk of type 'A' aborting a multi-chunk message (§6.7.3). */
    ABORT(4, "Abort"),
    /** A MSG whose body is encrypted (SignAndEncrypt) and so shows no service. */
    ENCRYPTED_MESSAGE(5, "Encrypted message"),
    /** A readable MSG whose TypeId is not a known service message; the TypeId is an attribute. */
    UNKNOWN_SERVICE(6, "Unknown service");

    private final int code;
    private final String functionName;

    OpcUaFunction(int code, String functionName) {
        this.code = code;
        this.functionName = functionName;
    }

    public int code() {
        return code;
    }

    public String functionName() {
        return functionName;
    }

    /**
     * Connection setup and the opaque cases are diagnostic: they change nothing in the process.
     * An encrypted message's real operation is unknown; its {@code body_readable=false}
     * attribute, not its access kind, is what detection must look at.
     */
    public AccessKind access() {
        return AccessKind.DIAGNOSTIC;
    }
}
