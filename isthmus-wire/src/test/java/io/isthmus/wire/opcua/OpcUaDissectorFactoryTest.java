package io.isthmus.wire.opcua;

import static io.isthmus.wire.opcua.OpcUaVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpcUaDissectorFactoryTest {

    private final OpcUaDissectorFactory factory = new OpcUaDissectorFactory();

    @Test
    void aHelloIsRecognisedOnANonStandardPortByItsHeader_part6_7_1_2_2() {
        ByteBuffer hello = ByteBuffer.wrap(bytes(OpcUaVectors.HELLO));
        assertThat(factory.probe(hello, 12001)).isEqualTo(Confidence.CONTENT);
        assertThat(hello.position()).isZero();
    }

    @Test
    void aMessageInTheMiddleOfAConnectionIsRecognisedToo() {
        assertThat(factory.probe(ByteBuffer.wrap(bytes(OpcUaVectors.READ_REQUEST)), 50000))
                .isEqualTo(Confidence.CONTENT);
    }

    @Test
    void otherBytesArePortOnlyOn4840AndNoElsewhere() {
        ByteBuffer http = ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(factory.probe(http, 4840)).isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(http, 80)).isEqualTo(Confidence.NO);
    }

    @Test
    void aHeaderTooSmallForItsTypeIsNotOpcUa() {
        ByteBuffer tiny = ByteBuffer.wrap(new byte[] {'H', 'E', 'L', 'F', 16, 0, 0, 0});
        assertThat(factory.probe(tiny, 1234)).isEqualTo(Confidence.NO);
    }

    @Test
    void theFactoryMakesOpcUaDissectors() {
        assertThat(factory.protocol()).isEqualTo(Protocol.OPC_UA);
        assertThat(factory.newDissector().protocol()).isEqualTo(Protocol.OPC_UA);
    }
}
