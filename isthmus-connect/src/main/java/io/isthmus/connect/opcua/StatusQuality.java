package io.isthmus.connect.opcua;

import io.isthmus.model.Quality;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Maps an OPC UA StatusCode (Part 4, 7.39: severity in the two top bits, sub-code in bits 16..27)
 * to the {@link Quality} of a sample.
 *
 * <p>Good is GOOD. Uncertain (e.g. Uncertain_LastUsableValue, a value the server holds on to after
 * losing its source) is STALE. Bad sub-codes that mean the path to the data is broken — the
 * server's own link to a device (Bad_NoCommunication, Bad_WaitingForInitialData), or the link to
 * the server (Bad_Timeout, Bad_ConnectionClosed, ...) — are BAD_COMM; every other Bad (the device
 * reports a failure, the node does not exist, access denied, a configuration error) is BAD_DEVICE,
 * since retrying the connection will not fix it.
 */
public final class StatusQuality {
    private static final long SUB_CODE_MASK = 0xFFFF_0000L;

    private static final Set<Long> COMMUNICATION = Set.of(
            StatusCodes.Bad_CommunicationError,
            StatusCodes.Bad_Timeout,
            StatusCodes.Bad_RequestTimeout,
            StatusCodes.Bad_ConnectionClosed,
            StatusCodes.Bad_ConnectionRejected,
            StatusCodes.Bad_NoCommunication,
            StatusCodes.Bad_NotConnected,
            StatusCodes.Bad_ServerNotConnected,
            StatusCodes.Bad_ServerHalted,
            StatusCodes.Bad_Shutdown,
            StatusCodes.Bad_Disconnect,
            StatusCodes.Bad_SecureChannelClosed,
            StatusCodes.Bad_SecureChannelIdInvalid,
            StatusCodes.Bad_SessionClosed,
            StatusCodes.Bad_SessionIdInvalid,
            StatusCodes.Bad_TcpInternalError,
            StatusCodes.Bad_WaitingForInitialData);

    private StatusQuality() {}

    public static Quality of(StatusCode status) {
        if (status.isGood()) {
            return Quality.GOOD;
        }
        if (status.isUncertain()) {
            return Quality.STALE;
        }
        return COMMUNICATION.contains(status.getValue() & SUB_CODE_MASK) ? Quality.BAD_COMM : Quality.BAD_DEVICE;
    }
}
