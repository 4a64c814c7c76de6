package io.isthmus.wire.opcua.securechannel;

import io.isthmus.wire.opcua.encoding.UaBinaryReader;

/**
 * The sequence header (IEC 62541-6 §6.7.2.5, Table 44). It is encrypted together with the body,
 * so its values only mean something when the body is readable. All chunks of one message share
 * the RequestId.
 */
public record SequenceHeader(long sequenceNumber, long requestId) {

    public static SequenceHeader read(UaBinaryReader r) {
        return new SequenceHeader(r.u32("SequenceNumber"), r.u32("RequestId"));
    }
}
