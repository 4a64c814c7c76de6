package io.isthmus.wire.opcua.service;

import io.isthmus.wire.opcua.encoding.NodeId;
import io.isthmus.wire.opcua.encoding.UaBinaryReader;
import io.isthmus.wire.opcua.securechannel.SecurityMode;

/**
 * The fields of an OpenSecureChannel request a sensor cares about (IEC 62541-4 §5.5.2.2): whether
 * it issues or renews a token, and the security mode the channel will use, which decides whether
 * later message bodies are readable.
 *
 * @param renew true for RequestType Renew (1), false for Issue (0)
 */
public record OpenSecureChannelRequest(long clientProtocolVersion, boolean renew, SecurityMode mode) {

    /**
     * Reads on from just after the RequestHandle: the rest of the RequestHeader (§7.32:
     * ReturnDiagnostics, AuditEntryId, TimeoutHint, AdditionalHeader) and the request's first
     * fields.
     */
    public static OpenSecureChannelRequest readAfterRequestHandle(UaBinaryReader r, int maxBytes) {
        r.u32("RequestHeader.ReturnDiagnostics");
        r.skipBytes("RequestHeader.AuditEntryId", maxBytes);
        r.u32("RequestHeader.TimeoutHint");
        skipExtensionObject(r, "RequestHeader.AdditionalHeader", maxBytes);
        long version = r.u32("ClientProtocolVersion");
        long requestType = r.u32("RequestType");
        SecurityMode mode = SecurityMode.of(r.u32("SecurityMode"));
        return new OpenSecureChannelRequest(version, requestType == 1, mode);
    }

    /** An ExtensionObject (IEC 62541-6 §5.2.2.15): TypeId, encoding byte, and a body unless 0. */
    private static void skipExtensionObject(UaBinaryReader r, String field, int maxBytes) {
        NodeId.read(r, field + ".TypeId", maxBytes);
        int encoding = r.u8(field + ".Encoding");
        if (encoding == 1 || encoding == 2) {
            r.skipBytes(field + ".Body", maxBytes);
        } else if (encoding != 0) {
            r.invalid(field + ".Encoding", encoding);
        }
    }
}
