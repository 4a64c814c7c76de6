package io.isthmus.wire.profinet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DcpDissectorFactoryTest {

    private final DcpDissectorFactory factory = new DcpDissectorFactory();

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h));
    }

    @Test
    void aDcpHeaderIsRecognisedWhateverThePort() {
        assertThat(factory.probe(hex("fefe05000100000100010004ffff0000"), -1)).isEqualTo(Confidence.CONTENT);
        assertThat(factory.probe(hex("fefd040101000001000000080504000301020000"), 0))
                .isEqualTo(Confidence.CONTENT);
    }

    @Test
    void cyclicFramesReservedServicesAndLyingLengthsAreNotDcp() {
        assertThat(factory.probe(hex("8001000000000000000000000000"), -1)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(hex("fefe09000100000100010000"), -1)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(hex("fefe050001000001000100ff"), -1)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(hex("fefe0500"), -1)).isEqualTo(Confidence.NO);
    }

    @Test
    void theFactoryMakesDcpDissectors() {
        assertThat(factory.protocol()).isEqualTo(Protocol.PN_DCP);
        assertThat(factory.newDissector().protocol()).isEqualTo(Protocol.PN_DCP);
        assertThat(DcpDissectorFactory.ETHER_TYPE).isEqualTo(0x8892);
    }
}
