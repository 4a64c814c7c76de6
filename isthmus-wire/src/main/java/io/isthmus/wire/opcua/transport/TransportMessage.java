package io.isthmus.wire.opcua.transport;

import io.isthmus.wire.opcua.encoding.UaBinaryReader;

/**
 * The connection-level messages of the OPC UA Connection Protocol (IEC 62541-6 §7.1.2), which are
 * never chunked or secured.
 */
public sealed interface TransportMessage {

    /** Hello (§7.1.2.3, Table 51); the EndpointUrl is at most 4096 bytes. */
    record Hello(
            long protocolVersion,
            long receiveBufferSize,
            long sendBufferSize,
            long maxMessageSize,
            long maxChunkCount,
            String endpointUrl)
            implements TransportMessage {}

    /** Acknowledge (§7.1.2.4, Table 52). */
    record Acknowledge(
            long protocolVersion, long receiveBufferSize, long sendBufferSize, long maxMessageSize, long maxChunkCount)
            implements TransportMessage {}

    /** Error (§7.1.2.5, Table 53): a StatusCode and a reason of at most 4096 bytes. */
    record Error(long error, String reason) implements TransportMessage {}

    /** ReverseHello (§7.1.2.6, Table 54): the server's URI and the endpoint the client should use. */
    record ReverseHello(String serverUri, String endpointUrl) implements TransportMessage {}

    /**
     * Reads the body after the 8-byte header of a HEL, ACK, ERR or RHE message; the caller checks
     * the reader for a failure. {@code maxStringBytes} bounds the URL, URI and reason strings.
     */
    static TransportMessage read(UaBinaryReader r, MessageType type, int maxStringBytes) {
        return switch (type) {
            case HEL ->
                new Hello(
                        r.u32("ProtocolVersion"),
                        r.u32("ReceiveBufferSize"),
                        r.u32("SendBufferSize"),
                        r.u32("MaxMessageSize"),
                        r.u32("MaxChunkCount"),
                        r.string("EndpointUrl", maxStringBytes));
            case ACK ->
                new Acknowledge(
                        r.u32("ProtocolVersion"),
                        r.u32("ReceiveBufferSize"),
                        r.u32("SendBufferSize"),
                        r.u32("MaxMessageSize"),
                        r.u32("MaxChunkCount"));
            case ERR -> new Error(r.u32("Error"), r.string("Reason", maxStringBytes));
            case RHE ->
                new ReverseHello(r.string("ServerUri", maxStringBytes), r.string("EndpointUrl", maxStringBytes));
            case OPN, MSG, CLO -> throw new IllegalArgumentException(type + " is a secure conversation message");
        };
    }
}
