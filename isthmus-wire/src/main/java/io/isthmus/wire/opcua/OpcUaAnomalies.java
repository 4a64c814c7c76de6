package io.isthmus.wire.opcua;

import io.isthmus.wire.Anomaly;
import io.isthmus.wire.opcua.encoding.DecodeFailure;
import io.isthmus.wire.opcua.transport.ChunkHeader;

/** The OPC UA anomaly codes, stable for detection rules, with the values in their details. */
final class OpcUaAnomalies {
    private OpcUaAnomalies() {}

    static Anomaly header(ChunkHeader.Invalid invalid, int maxChunkSize) {
        return switch (invalid.problem()) {
            case MESSAGE_TYPE_UNKNOWN ->
                new Anomaly("opcua_message_type_unknown", "the bytes do not start HEL, ACK, ERR, RHE, OPN, MSG or CLO");
            case CHUNK_TYPE_UNKNOWN ->
                new Anomaly(
                        "opcua_chunk_type_unknown",
                        String.format("chunk type byte 0x%02x is not 'F', 'C' or 'A'", invalid.value()));
            case SIZE_TOO_SMALL ->
                new Anomaly(
                        "opcua_message_size_too_small",
                        "MessageSize " + invalid.value() + " is smaller than the 8-byte header");
            case SIZE_EXCEEDS_LIMIT ->
                new Anomaly(
                        "opcua_message_size_exceeds_limit",
                        "MessageSize " + invalid.value() + " exceeds the limit " + maxChunkSize);
        };
    }

    static Anomaly decode(DecodeFailure failure) {
        String code = switch (failure.problem()) {
            case BEYOND_END -> "opcua_field_beyond_chunk";
            case OVER_LIMIT -> "opcua_length_exceeds_limit";
            case NEGATIVE_LENGTH -> "opcua_length_negative";
            case INVALID_VALUE -> "opcua_value_invalid";
        };
        return new Anomaly(code, failure.detail());
    }

    static Anomaly chunkCountExceeded(String message, int limit) {
        return new Anomaly("opcua_chunk_count_exceeded", message + " has more than " + limit + " chunks");
    }

    static Anomaly pendingExceeded(int limit) {
        return new Anomaly(
                "opcua_pending_messages_exceeded",
                "more than " + limit + " multi-chunk messages open at once; the oldest was forgotten");
    }

    static Anomaly notFinal(String message) {
        return new Anomaly("opcua_transport_message_chunked", message + " must be a single 'F' chunk (§7.1.2.2)");
    }

    static Anomaly unexpectedOpenBody(String found) {
        return new Anomaly("opcua_open_body_unexpected", "an OPN chunk carries " + found + ", not OpenSecureChannel");
    }
}
