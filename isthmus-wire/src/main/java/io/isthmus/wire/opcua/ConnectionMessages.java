package io.isthmus.wire.opcua;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.opcua.encoding.UaBinaryReader;
import io.isthmus.wire.opcua.service.UaStatusCode;
import io.isthmus.wire.opcua.transport.ChunkHeader;
import io.isthmus.wire.opcua.transport.ChunkType;
import io.isthmus.wire.opcua.transport.TransportMessage;

/** Turns HEL, ACK, ERR and RHE (IEC 62541-6 §7.1.2) into summaries. */
final class ConnectionMessages {
    private ConnectionMessages() {}

    static Dissection dissect(
            UaBinaryReader r, ChunkHeader header, Direction hint, OpcUaLimits limits, ChannelState state) {
        TransportMessage message = TransportMessage.read(r, header.type(), limits.maxStringBytes());
        if (r.failed()) {
            return SecureConversation.malformed(r, header);
        }
        OpcUaSummary summary = summarise(message, hint, state);
        if (header.chunkType() != ChunkType.FINAL) {
            summary.anomaly(OpcUaAnomalies.notFinal(header.type().name()));
        }
        return new Dissection.Messages(summary.build(), (int) header.size());
    }

    private static OpcUaSummary summarise(TransportMessage message, Direction hint, ChannelState state) {
        return switch (message) {
            case TransportMessage.Hello h -> {
                state.learnSide(Direction.REQUEST);
                yield buffers(
                                OpcUaSummary.of(Direction.REQUEST, OpcUaFunction.HELLO),
                                h.protocolVersion(),
                                h.receiveBufferSize(),
                                h.sendBufferSize(),
                                h.maxMessageSize(),
                                h.maxChunkCount())
                        .attribute("endpoint_url", h.endpointUrl());
            }
            case TransportMessage.Acknowledge a -> {
                state.learnSide(Direction.RESPONSE);
                yield buffers(
                        OpcUaSummary.of(Direction.RESPONSE, OpcUaFunction.ACKNOWLEDGE),
                        a.protocolVersion(),
                        a.receiveBufferSize(),
                        a.sendBufferSize(),
                        a.maxMessageSize(),
                        a.maxChunkCount());
            }
            case TransportMessage.Error e -> {
                OpcUaSummary s =
                        OpcUaSummary.of(state.side(hint), OpcUaFunction.ERROR).status(UaStatusCode.describe(e.error()));
                yield e.reason().isEmpty() ? s : s.attribute("reason", e.reason());
            }
            case TransportMessage.ReverseHello rhe -> {
                state.learnSide(Direction.RESPONSE);
                yield OpcUaSummary.of(Direction.RESPONSE, OpcUaFunction.REVERSE_HELLO)
                        .attribute("server_uri", rhe.serverUri())
                        .attribute("endpoint_url", rhe.endpointUrl());
            }
        };
    }

    private static OpcUaSummary buffers(
            OpcUaSummary s, long version, long receive, long send, long maxMessage, long maxChunks) {
        return s.attribute("protocol_version", version)
                .attribute("receive_buffer_size", receive)
                .attribute("send_buffer_size", send)
                .attribute("max_message_size", maxMessage)
                .attribute("max_chunk_count", maxChunks);
    }
}
