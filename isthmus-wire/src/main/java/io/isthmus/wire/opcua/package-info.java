/**
 * OPC UA binary over TCP (IEC 62541-6): the Connection Protocol (§7.1, package {@code transport}),
 * Secure Conversation (§6.7, package {@code securechannel}), the Binary encoding (§5.2, package
 * {@code encoding}) and the service headers (IEC 62541-4, package {@code service}). Entry points:
 * {@link io.isthmus.wire.opcua.OpcUaDissectorFactory} and {@link io.isthmus.wire.opcua.OpcUaLimits}.
 *
 * <h2>Function codes</h2>
 *
 * {@code MessageSummary.function} is the numeric NodeId (namespace 0) of the message body's binary
 * encoding when the body is readable: 631 ReadRequest, 634 ReadResponse, 673 WriteRequest, 712
 * CallRequest, 397 ServiceFault, 446/449 OpenSecureChannel, 452 CloseSecureChannelRequest, and so
 * on ({@link io.isthmus.wire.opcua.service.UaService}). These are the numbers tshark reports as
 * {@code opcua.servicenodeid.numeric}. An OPN or CLO whose body is encrypted still carries its
 * only possible service, so it gets 446 or 449 (by the side of the connection) or 452. The other
 * messages get small fixed codes ({@link io.isthmus.wire.opcua.OpcUaFunction}):
 *
 * <table>
 *   <caption>Codes of messages without a readable service</caption>
 *   <tr><th>code</th><th>functionName</th><th>message</th></tr>
 *   <tr><td>0</td><td>Hello</td><td>HEL</td></tr>
 *   <tr><td>1</td><td>Acknowledge</td><td>ACK</td></tr>
 *   <tr><td>2</td><td>Error</td><td>ERR (status = the StatusCode)</td></tr>
 *   <tr><td>3</td><td>ReverseHello</td><td>RHE</td></tr>
 *   <tr><td>4</td><td>Abort</td><td>a chunk of type 'A' (status = the StatusCode)</td></tr>
 *   <tr><td>5</td><td>Encrypted message</td><td>MSG on a SignAndEncrypt channel</td></tr>
 *   <tr><td>6</td><td>Unknown service</td><td>readable MSG with an unlisted TypeId ({@code type_id})</td></tr>
 * </table>
 *
 * <h2>Readable bodies</h2>
 *
 * Each direction remembers the SecurityPolicyUri of its own OpenSecureChannel and, on the client
 * side, the requested MessageSecurityMode. Under policy None, or mode None or Sign, bodies are
 * read. Under SignAndEncrypt they are reported as encrypted ({@code body_readable=false}). When no
 * OpenSecureChannel was seen (a capture that starts mid-connection) or the mode is unknown (the
 * server's side of a secured channel), a body is read only when its TypeId is a known service
 * message and its header fits.
 *
 * <h2>Chunks</h2>
 *
 * One summary per message, on its first chunk, which alone carries the TypeId; later chunks are
 * counted per RequestId (bounded by {@link io.isthmus.wire.opcua.OpcUaLimits#maxChunksPerMessage()}
 * and {@link io.isthmus.wire.opcua.OpcUaLimits#maxPendingMessages()}) and consumed without a
 * summary. Bodies are never reassembled.
 *
 * <h2>Attributes</h2>
 *
 * {@code endpoint_url}, buffer sizes and {@code protocol_version} (HEL/ACK), {@code reason} (ERR,
 * abort), {@code security_policy}, {@code secure_channel_id}, {@code sender_certificate_length},
 * {@code receiver_thumbprint_length}, {@code security_mode} and {@code request_type} (OPN), {@code
 * request_id}, {@code chunked}, {@code body_readable}, {@code type_id}. The transaction is the
 * RequestHandle of the request or response header.
 */
package io.isthmus.wire.opcua;
