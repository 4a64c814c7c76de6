package io.isthmus.wire.dnp3;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Recognising DNP3 by its link header (IEEE 1815-2012 clause 9.2) or by port 20000. */
class Dnp3DissectorFactoryTest {
    private final Dnp3DissectorFactory factory = new Dnp3DissectorFactory();

    @Test
    void aLinkHeaderWithAGoodCrcIsContentEvenOnAnotherPort() {
        // dnp3__ITI__dnp3_read_p20001.pcap frame 4: DNP3 on port 20001, which tshark shows as data.
        ByteBuffer payload = ByteBuffer.wrap(hex(Dnp3DissectorTest.READ_CLASSES));
        assertThat(factory.probe(payload, 20001)).isEqualTo(Confidence.CONTENT);
        assertThat(payload.position()).isZero();
    }

    @Test
    void onlyThePortSpeaksForOtherBytesOn20000() {
        assertThat(factory.probe(ByteBuffer.wrap(hex("68 04 07 00 00 00")), 20000))
                .isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(ByteBuffer.wrap(hex("05 64 00 0b 04 00 03 00 00 00")), 20000))
                .isEqualTo(Confidence.PORT_ONLY);
    }

    @Test
    void otherBytesOnOtherPortsAreNotDnp3() {
        assertThat(factory.probe(ByteBuffer.wrap(hex("05 64 08 c4 0a")), 502)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(ByteBuffer.wrap(hex("05 64 02 c4 0a 00 01 00 97 fe")), 502))
                .isEqualTo(Confidence.NO);
        assertThat(factory.probe(ByteBuffer.allocate(0), 502)).isEqualTo(Confidence.NO);
    }

    @Test
    void dissectorsAreNewPerFlowDirection() {
        assertThat(factory.protocol()).isEqualTo(Protocol.DNP3);
        assertThat(factory.newDissector()).isNotSameAs(factory.newDissector());
        assertThat(factory.newDissector().protocol()).isEqualTo(Protocol.DNP3);
    }
}
