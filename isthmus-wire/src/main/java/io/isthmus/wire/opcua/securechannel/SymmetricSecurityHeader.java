package io.isthmus.wire.opcua.securechannel;

import io.isthmus.wire.opcua.encoding.UaBinaryReader;

/**
 * The SecureChannelId and the symmetric security header (TokenId) that start every MSG and CLO
 * body (IEC 62541-6 §6.7.2.2 and §6.7.2.4, Table 43); both are sent in the clear.
 */
public record SymmetricSecurityHeader(long secureChannelId, long tokenId) {

    public static SymmetricSecurityHeader read(UaBinaryReader r) {
        return new SymmetricSecurityHeader(r.u32("SecureChannelId"), r.u32("TokenId"));
    }
}
