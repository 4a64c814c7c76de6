package io.isthmus.wire.opcua;

import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.opcua.ChannelState.Readability;
import io.isthmus.wire.opcua.encoding.DecodeFailure;
import io.isthmus.wire.opcua.encoding.UaBinaryReader;
import io.isthmus.wire.opcua.securechannel.AsymmetricSecurityHeader;
import io.isthmus.wire.opcua.securechannel.SecurityPolicy;
import io.isthmus.wire.opcua.securechannel.SequenceHeader;
import io.isthmus.wire.opcua.securechannel.SymmetricSecurityHeader;
import io.isthmus.wire.opcua.service.OpenSecureChannelRequest;
import io.isthmus.wire.opcua.service.ServiceHeader;
import io.isthmus.wire.opcua.service.UaService;
import io.isthmus.wire.opcua.service.UaStatusCode;
import io.isthmus.wire.opcua.transport.ChunkHeader;
import io.isthmus.wire.opcua.transport.ChunkType;
import io.isthmus.wire.opcua.transport.MessageType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Turns OPN, MSG and CLO chunks (IEC 62541-6 §6.7) into summaries: the security headers always,
 * the service TypeId and request handle when the body is readable, one summary per message on
 * its first chunk.
 */
final class SecureConversation {
    private final OpcUaLimits limits;
    private final ChannelState state;

    SecureConversation(OpcUaLimits limits, ChannelState state) {
        this.limits = limits;
        this.state = state;
    }

    /** A reader over the whole chunk, positioned after its 8-byte header. */
    static UaBinaryReader reader(ByteBuffer data, int start, ChunkHeader header) {
        UaBinaryReader r = new UaBinaryReader(data, start, start + (int) header.size());
        r.skip(ChunkHeader.LENGTH, "MessageHeader");
        return r;
    }

    static Dissection malformed(UaBinaryReader r, ChunkHeader header) {
        DecodeFailure failure = r.failure().orElseThrow();
        return new Dissection.Malformed(OpcUaAnomalies.decode(failure), failure.offset(), (int) header.size());
    }

    /** OpenSecureChannel (§6.7.4): the asymmetric header is in the clear; the body only under None. */
    Dissection open(ByteBuffer data, int start, ChunkHeader header, Direction hint) {
        UaBinaryReader r = reader(data, start, header);
        AsymmetricSecurityHeader security =
                AsymmetricSecurityHeader.read(r, limits.maxPolicyUriBytes(), limits.maxCertificateBytes());
        if (r.failed()) {
            return malformed(r, header);
        }
        state.learnPolicy(security.policy());
        OpcUaSummary summary;
        if (security.policy() == SecurityPolicy.NONE) {
            Optional<OpcUaSummary> readable = readableOpen(r, hint);
            if (readable.isEmpty()) {
                return malformed(r, header);
            }
            summary = readable.get();
        } else {
            UaService.Message m = impliedMessage(UaService.OPEN_SECURE_CHANNEL, state.side(hint));
            summary = new OpcUaSummary(state.side(hint), m.encodingId(), m.name(), m.access())
                    .attribute("body_readable", false);
        }
        summary.attribute("security_policy", security.policyUri())
                .attribute("secure_channel_id", security.secureChannelId());
        if (security.senderCertificateLength() > 0) {
            summary.attribute("sender_certificate_length", security.senderCertificateLength());
        }
        if (security.receiverThumbprintLength() > 0) {
            summary.attribute("receiver_thumbprint_length", security.receiverThumbprintLength());
        }
        return new Dissection.Messages(summary.build(), (int) header.size());
    }

    private Optional<OpcUaSummary> readableOpen(UaBinaryReader r, Direction hint) {
        SequenceHeader sequence = SequenceHeader.read(r);
        ServiceHeader body = ServiceHeader.read(r, limits.maxIdentifierBytes());
        boolean isOpen = body.message()
                .flatMap(UaService.Message::service)
                .filter(s -> s == UaService.OPEN_SECURE_CHANNEL)
                .isPresent();
        Optional<OpenSecureChannelRequest> request =
                isOpen && body.message().get().request()
                        ? Optional.of(OpenSecureChannelRequest.readAfterRequestHandle(r, limits.maxIdentifierBytes()))
                        : Optional.empty();
        if (r.failed()) {
            return Optional.empty();
        }
        OpcUaSummary summary = service(body, hint).attribute("request_id", sequence.requestId());
        if (!isOpen) {
            summary.anomaly(OpcUaAnomalies.unexpectedOpenBody(summary.functionName()));
        }
        request.ifPresent(o -> {
            state.learnMode(o.mode());
            summary.attribute("security_mode", o.mode()).attribute("request_type", o.renew() ? "Renew" : "Issue");
        });
        return Optional.of(summary);
    }

    /** MSG and CLO (§6.7.2.4): symmetric header in the clear, the rest readable or not. */
    Dissection symmetric(ByteBuffer data, int start, ChunkHeader header, Direction hint) {
        UaBinaryReader r = reader(data, start, header);
        SymmetricSecurityHeader security = SymmetricSecurityHeader.read(r);
        SequenceHeader sequence = SequenceHeader.read(r);
        if (r.failed()) {
            return malformed(r, header);
        }
        Readability readability = state.readability();
        if (readability != Readability.ENCRYPTED) {
            Optional<ChannelState.Pending> pending = state.pending(sequence.requestId());
            if (pending.isPresent()) {
                return continuation(r, header, sequence, pending.get(), hint);
            }
        }
        return switch (readability) {
            case READABLE -> firstChunk(r, header, security, sequence, hint);
            case ENCRYPTED -> encrypted(header, security, hint);
            case UNKNOWN ->
                looksReadable(data, start, header, r.offset())
                        ? firstChunk(r, header, security, sequence, hint)
                        : encrypted(header, security, hint);
        };
    }

    /**
     * Whether a body on a channel of unknown security starts with a known service TypeId and its
     * header fields fit: ciphertext does so by chance with odds below 2^-24.
     */
    private boolean looksReadable(ByteBuffer data, int start, ChunkHeader header, int bodyOffset) {
        UaBinaryReader probe = new UaBinaryReader(data, start, start + (int) header.size());
        probe.skip(bodyOffset, "header");
        ServiceHeader body = ServiceHeader.read(probe, limits.maxIdentifierBytes());
        return !probe.failed() && body.message().isPresent();
    }

    private Dissection firstChunk(
            UaBinaryReader r,
            ChunkHeader header,
            SymmetricSecurityHeader security,
            SequenceHeader sequence,
            Direction hint) {
        if (header.chunkType() == ChunkType.ABORT) {
            return abort(r, header, sequence, "an unseen message", hint);
        }
        ServiceHeader body = ServiceHeader.read(r, limits.maxIdentifierBytes());
        if (r.failed()) {
            return malformed(r, header);
        }
        OpcUaSummary summary = service(body, hint)
                .attribute("secure_channel_id", security.secureChannelId())
                .attribute("request_id", sequence.requestId());
        if (header.chunkType() == ChunkType.INTERMEDIATE) {
            summary.attribute("chunked", true);
            if (!state.open(sequence.requestId(), summary.functionName())) {
                summary.anomaly(OpcUaAnomalies.pendingExceeded(limits.maxPendingMessages()));
            }
        }
        return new Dissection.Messages(summary.build(), (int) header.size());
    }

    private Dissection continuation(
            UaBinaryReader r,
            ChunkHeader header,
            SequenceHeader sequence,
            ChannelState.Pending pending,
            Direction hint) {
        pending.chunks++;
        if (header.chunkType() != ChunkType.INTERMEDIATE) {
            state.finish(sequence.requestId());
        }
        if (header.chunkType() == ChunkType.ABORT) {
            return abort(r, header, sequence, pending.name, hint);
        }
        if (pending.chunks > limits.maxChunksPerMessage() && !pending.countReported) {
            pending.countReported = true;
            return new Dissection.Malformed(
                    OpcUaAnomalies.chunkCountExceeded(pending.name, limits.maxChunksPerMessage()), 0, (int)
                            header.size());
        }
        return new Dissection.Messages(List.of(), (int) header.size());
    }

    /** An abort chunk's body: Error (a StatusCode) and Reason (§6.7.3). */
    private Dissection abort(
            UaBinaryReader r, ChunkHeader header, SequenceHeader sequence, String aborted, Direction hint) {
        long error = r.u32("Error");
        String reason = r.string("Reason", limits.maxStringBytes());
        if (r.failed()) {
            return malformed(r, header);
        }
        OpcUaSummary summary = OpcUaSummary.of(state.side(hint), OpcUaFunction.ABORT)
                .status(UaStatusCode.describe(error))
                .attribute("aborted_message", aborted)
                .attribute("request_id", sequence.requestId());
        if (!reason.isEmpty()) {
            summary.attribute("reason", reason);
        }
        return new Dissection.Messages(summary.build(), (int) header.size());
    }

    private Dissection encrypted(ChunkHeader header, SymmetricSecurityHeader security, Direction hint) {
        boolean starts = state.encryptedChunkStartsMessage(header.chunkType() != ChunkType.INTERMEDIATE);
        int size = (int) header.size();
        if (!starts && header.chunkType() != ChunkType.ABORT) {
            return state.encryptedRunJustExceeded()
                    ? new Dissection.Malformed(
                            OpcUaAnomalies.chunkCountExceeded("an encrypted message", limits.maxChunksPerMessage()),
                            0,
                            size)
                    : new Dissection.Messages(List.of(), size);
        }
        Direction side = state.side(hint);
        OpcUaSummary summary;
        if (header.chunkType() == ChunkType.ABORT) {
            summary = OpcUaSummary.of(side, OpcUaFunction.ABORT);
        } else if (header.type() == MessageType.CLO) {
            UaService.Message m = impliedMessage(UaService.CLOSE_SECURE_CHANNEL, Direction.REQUEST);
            summary = new OpcUaSummary(Direction.REQUEST, m.encodingId(), m.name(), m.access());
        } else {
            summary = OpcUaSummary.of(side, OpcUaFunction.ENCRYPTED_MESSAGE);
        }
        summary.attribute("body_readable", false)
                .attribute("secure_channel_id", security.secureChannelId())
                .attribute("token_id", security.tokenId());
        return new Dissection.Messages(summary.build(), size);
    }

    /** The summary of a readable body: a known service message, or an unknown TypeId. */
    private OpcUaSummary service(ServiceHeader body, Direction hint) {
        if (body.message().isEmpty()) {
            return OpcUaSummary.of(state.side(hint), OpcUaFunction.UNKNOWN_SERVICE)
                    .attribute("type_id", body.typeId().describe());
        }
        UaService.Message m = body.message().get();
        Direction direction = m.request() ? Direction.REQUEST : Direction.RESPONSE;
        state.learnSide(direction);
        OpcUaSummary summary =
                new OpcUaSummary(direction, m.encodingId(), m.name(), m.access()).transaction(body.requestHandle());
        body.serviceResult().ifPresent(result -> {
            if (!UaStatusCode.isGood(result)) {
                summary.status(UaStatusCode.describe(result));
            }
        });
        return summary;
    }

    /** OPN and CLO can only carry their own service, so a secured body still names it. */
    private static UaService.Message impliedMessage(UaService service, Direction side) {
        int id = side == Direction.REQUEST ? service.requestEncoding() : service.responseEncoding();
        return UaService.byEncoding(id).orElseThrow();
    }
}
