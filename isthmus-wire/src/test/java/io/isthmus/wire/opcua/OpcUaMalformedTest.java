package io.isthmus.wire.opcua;

import static io.isthmus.wire.opcua.OpcUaFrames.chunk;
import static io.isthmus.wire.opcua.OpcUaFrames.concat;
import static io.isthmus.wire.opcua.OpcUaVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.wire.ByteStreamFeeder;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.opcua.OpcUaFrames.Out;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile OPC UA input, each case sent as 1-byte TCP segments and followed by a valid Hello: every
 * case ends in exactly one counted anomaly, nothing is buffered beyond the limit, and the dissector
 * finds the Hello afterwards.
 */
class OpcUaMalformedTest {

    private static final String NONE = "http://opcfoundation.org/UA/SecurityPolicy#None";

    private static byte[] header(String type, char chunkType, long size) {
        return new Out().ascii(type).u8(chunkType).u32(size).toByteArray();
    }

    private static byte[] hello(int urlLength, int actualUrlBytes) {
        Out body = new Out()
                .u32(0)
                .u32(65535)
                .u32(65535)
                .u32(0)
                .u32(0)
                .u32(urlLength)
                .zeros(actualUrlBytes);
        return chunk("HEL", 'F', body.toByteArray());
    }

    private static byte[] openWithPolicyLength(int length, int actual) {
        return chunk(
                "OPN",
                'F',
                new Out()
                        .u32(0)
                        .u32(length)
                        .zeros(actual)
                        .u32(-1)
                        .u32(-1)
                        .u32(1)
                        .u32(1)
                        .toByteArray());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "chunk header claiming 2 GB",
                        concat(header("MSG", 'F', 0x80000000L), new byte[64]),
                        "opcua_message_size_exceeds_limit"),
                Arguments.of(
                        "chunk header claiming 4 GB - 1",
                        concat(header("OPN", 'F', 0xFFFFFFFFL), new byte[16]),
                        "opcua_message_size_exceeds_limit"),
                Arguments.of(
                        "chunk just over the limit",
                        header("MSG", 'C', OpcUaLimits.DEFAULT.maxChunkSize() + 1L),
                        "opcua_message_size_exceeds_limit"),
                Arguments.of("message size 0", header("HEL", 'F', 0), "opcua_message_size_too_small"),
                Arguments.of("message size 7", header("ACK", 'F', 7), "opcua_message_size_too_small"),
                Arguments.of(
                        "unknown message type",
                        concat(header("XYZ", 'F', 32), new byte[24]),
                        "opcua_message_type_unknown"),
                Arguments.of("message type HEX", header("HEX", 'F', 32), "opcua_message_type_unknown"),
                Arguments.of("unknown chunk type", header("MSG", 'Z', 32), "opcua_chunk_type_unknown"),
                Arguments.of(
                        "garbage full of broken header starts",
                        concat(
                                new Out().ascii("XXMSGZMSHELF").toByteArray(),
                                header("ACK", 'F', 3),
                                new Out().ascii("OPNFMS").toByteArray()),
                        "opcua_message_type_unknown"),
                Arguments.of("endpoint URL length beyond the frame", hello(1000, 10), "opcua_field_beyond_chunk"),
                Arguments.of("endpoint URL length over 4096", hello(5000, 5000), "opcua_length_exceeds_limit"),
                Arguments.of("endpoint URL length -2", hello(-2, 0), "opcua_length_negative"),
                Arguments.of(
                        "hello without its URL length", chunk("HEL", 'F', new byte[20]), "opcua_field_beyond_chunk"),
                Arguments.of(
                        "security policy URI over 255 bytes",
                        openWithPolicyLength(300, 300),
                        "opcua_length_exceeds_limit"),
                Arguments.of(
                        "security policy URI beyond the frame",
                        openWithPolicyLength(200, 20),
                        "opcua_field_beyond_chunk"),
                Arguments.of(
                        "MSG shorter than its security and sequence headers",
                        chunk("MSG", 'F', new byte[12]),
                        "opcua_field_beyond_chunk"),
                Arguments.of(
                        "error reason length beyond the frame",
                        chunk("ERR", 'F', new Out().u32(0x80020000L).u32(100).toByteArray()),
                        "opcua_field_beyond_chunk"),
                Arguments.of(
                        "TypeId with an undefined NodeId encoding on a None channel",
                        concat(
                                OpcUaFrames.open(NONE, OpcUaFrames.openRequestBody(1)),
                                OpcUaFrames.symmetric("MSG", 'F', 1, 2, new byte[] {0x0F, 0, 0, 0, 0, 0, 0, 0})),
                        "opcua_value_invalid"),
                Arguments.of(
                        "TypeId string identifier beyond the frame on a None channel",
                        concat(
                                OpcUaFrames.open(NONE, OpcUaFrames.openRequestBody(1)),
                                OpcUaFrames.symmetric(
                                        "MSG",
                                        'F',
                                        1,
                                        2,
                                        new Out().u8(3).u16(1).u32(500).toByteArray())),
                        "opcua_field_beyond_chunk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneAnomalyAndRecoversWhenSentAsOneByteSegments(String name, byte[] hostile, String code) {
        byte[] stream = concat(hostile, bytes(OpcUaVectors.HELLO));
        ByteStreamFeeder.Fed fed = ByteStreamFeeder.feed(
                new OpcUaDissector(OpcUaLimits.DEFAULT),
                stream,
                1,
                Direction.REQUEST,
                OpcUaLimits.DEFAULT.maxChunkSize());
        assertThat(fed.anomalyCodes()).containsExactly(code);
        assertThat(fed.stopped()).isFalse();
        assertThat(fed.messages()).extracting(MessageSummary::functionName).endsWith("Hello");
        assertThat(fed.leftover()).isZero();
    }
}
