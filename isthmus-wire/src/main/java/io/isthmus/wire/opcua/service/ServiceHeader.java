package io.isthmus.wire.opcua.service;

import io.isthmus.wire.opcua.encoding.NodeId;
import io.isthmus.wire.opcua.encoding.UaBinaryReader;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The start of a readable message body: the TypeId naming the encoded structure (IEC 62541-6
 * §6.7.2.1) and, for a known request or response, the handle pairing the two (IEC 62541-4 §7.32
 * RequestHeader, §7.33 ResponseHeader) and a response's ServiceResult.
 *
 * @param message the service message the TypeId names, empty for unknown types
 * @param requestHandle the RequestHandle, present for known requests and responses
 * @param serviceResult the ServiceResult of a response or ServiceFault
 */
public record ServiceHeader(
        NodeId typeId, Optional<UaService.Message> message, OptionalLong requestHandle, OptionalLong serviceResult) {

    /** Bytes of the header's Timestamp (a DateTime, §5.2.2.5). */
    private static final int TIMESTAMP = 8;

    /**
     * Reads the TypeId and, when it names a known message, the header fields up to the
     * RequestHandle (requests) or the ServiceResult (responses); the caller checks the reader.
     */
    public static ServiceHeader read(UaBinaryReader r, int maxIdentifierBytes) {
        NodeId typeId = NodeId.read(r, "TypeId", maxIdentifierBytes);
        Optional<UaService.Message> message =
                typeId.isNamespaceZeroNumeric() ? UaService.byEncoding(typeId.numeric()) : Optional.empty();
        if (message.isEmpty()) {
            return new ServiceHeader(typeId, message, OptionalLong.empty(), OptionalLong.empty());
        }
        if (message.get().request()) {
            NodeId.read(r, "RequestHeader.AuthenticationToken", maxIdentifierBytes);
            r.skip(TIMESTAMP, "RequestHeader.Timestamp");
            long handle = r.u32("RequestHeader.RequestHandle");
            return new ServiceHeader(typeId, message, OptionalLong.of(handle), OptionalLong.empty());
        }
        r.skip(TIMESTAMP, "ResponseHeader.Timestamp");
        long handle = r.u32("ResponseHeader.RequestHandle");
        long result = r.u32("ResponseHeader.ServiceResult");
        return new ServiceHeader(typeId, message, OptionalLong.of(handle), OptionalLong.of(result));
    }
}
