package io.isthmus.connect.modbus;

import java.io.IOException;
import java.util.Objects;

/**
 * A failure of the connection to a device, as opposed to a Modbus exception response (which is an
 * answer). After any of these the connection is closed: the byte stream can no longer be trusted to
 * be in step with the requests.
 */
public final class ModbusCommException extends IOException {

    /** What went wrong, so state and metrics need not parse messages. */
    public enum Kind {
        CONNECT_FAILED,
        TIMEOUT,
        CLOSED_BY_PEER,
        MALFORMED_FRAME,
        CRC_MISMATCH,
        TRANSACTION_MISMATCH,
        UNEXPECTED_RESPONSE,
        IO_ERROR
    }

    private final Kind kind;

    public ModbusCommException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ModbusCommException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
