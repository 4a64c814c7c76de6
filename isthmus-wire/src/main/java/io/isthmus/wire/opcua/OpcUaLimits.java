package io.isthmus.wire.opcua;

/**
 * Every bound the OPC UA dissector puts on sizes and counts an attacker controls. A chunk is
 * buffered whole before it is decoded, so {@link #maxChunkSize} bounds the memory one flow
 * direction can make the session layer hold; larger claims (a header saying 2 GB) are anomalies,
 * never allocations.
 *
 * @param maxChunkSize the largest MessageSize accepted (IEC 62541-6 §7.1.2.2); peers negotiate
 *     their ReceiveBufferSize in Hello/Acknowledge, commonly 64 KiB, and the spec's minimum is 8192
 * @param maxStringBytes the longest EndpointUrl, ServerUri or error Reason (the spec caps the
 *     EndpointUrl and Reason at 4096 bytes, §7.1.2.3 and §7.1.2.5)
 * @param maxPolicyUriBytes the longest SecurityPolicyUri (255 bytes, §6.7.2.3)
 * @param maxCertificateBytes the longest SenderCertificate chain or thumbprint skipped in an
 *     OpenSecureChannel
 * @param maxIdentifierBytes the longest string or opaque NodeId identifier, AuditEntryId or
 *     ExtensionObject body skipped while reading a header
 * @param maxChunksPerMessage chunks counted for one message before the excess is an anomaly
 *     (MaxChunkCount 0 in Hello means "no limit", so the sensor needs its own)
 * @param maxPendingMessages multi-chunk messages tracked at once per direction; the oldest is
 *     forgotten past this
 */
public record OpcUaLimits(
        int maxChunkSize,
        int maxStringBytes,
        int maxPolicyUriBytes,
        int maxCertificateBytes,
        int maxIdentifierBytes,
        int maxChunksPerMessage,
        int maxPendingMessages) {

    /** 2 MiB chunks, 4096-byte strings, 255-byte policy URIs, 64 KiB certificates, 1024 chunks, 16 pending. */
    public static final OpcUaLimits DEFAULT = new OpcUaLimits(2 * 1024 * 1024, 4096, 255, 65_536, 4096, 1024, 16);

    /** The smallest chunk any peer must accept (IEC 62541-6 §7.1.2.3: buffers of at least 8192 bytes). */
    public static final int MIN_CHUNK_SIZE = 8192;

    public OpcUaLimits {
        if (maxChunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException(
                    "maxChunkSize must be at least " + MIN_CHUNK_SIZE + ", was " + maxChunkSize);
        }
        positive("maxStringBytes", maxStringBytes);
        positive("maxPolicyUriBytes", maxPolicyUriBytes);
        positive("maxCertificateBytes", maxCertificateBytes);
        positive("maxIdentifierBytes", maxIdentifierBytes);
        positive("maxChunksPerMessage", maxChunksPerMessage);
        positive("maxPendingMessages", maxPendingMessages);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
