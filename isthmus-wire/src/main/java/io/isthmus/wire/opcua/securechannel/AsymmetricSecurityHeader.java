package io.isthmus.wire.opcua.securechannel;

import io.isthmus.wire.opcua.encoding.UaBinaryReader;

/**
 * The header an OpenSecureChannel message carries after its SecureChannelId (IEC 62541-6
 * §6.7.2.3, Table 42). It is never encrypted, so the policy is visible even on secured channels.
 *
 * @param policyUri the SecurityPolicyUri as sent (at most 255 bytes)
 * @param senderCertificateLength bytes of the DER sender certificate chain, 0 when null
 * @param receiverThumbprintLength bytes of the receiver certificate's SHA-1 thumbprint (20), 0 when
 *     null
 */
public record AsymmetricSecurityHeader(
        long secureChannelId, String policyUri, int senderCertificateLength, int receiverThumbprintLength) {

    public SecurityPolicy policy() {
        return SecurityPolicy.ofUri(policyUri);
    }

    /** Reads the SecureChannelId and the header; the caller checks the reader for a failure. */
    public static AsymmetricSecurityHeader read(UaBinaryReader r, int maxPolicyUriBytes, int maxCertificateBytes) {
        long channel = r.u32("SecureChannelId");
        String uri = r.string("SecurityPolicyUri", maxPolicyUriBytes);
        int certificate = r.skipBytes("SenderCertificate", maxCertificateBytes);
        int thumbprint = r.skipBytes("ReceiverCertificateThumbprint", maxCertificateBytes);
        return new AsymmetricSecurityHeader(channel, uri, certificate, thumbprint);
    }
}
