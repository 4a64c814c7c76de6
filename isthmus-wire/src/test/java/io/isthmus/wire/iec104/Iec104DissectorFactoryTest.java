package io.isthmus.wire.iec104;

import static io.isthmus.wire.CaptureStreams.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Recognising IEC 60870-5-104 by its APCI (clause 5) or by port 2404. */
class Iec104DissectorFactoryTest {
    private final Iec104DissectorFactory factory = new Iec104DissectorFactory();

    @Test
    void aStartdtActOrAKnownIFrameIsContentOnAnyPort() {
        assertThat(factory.probe(ByteBuffer.wrap(hex("68 04 07 00 00 00")), 5000))
                .isEqualTo(Confidence.CONTENT);
        assertThat(factory.probe(ByteBuffer.wrap(hex(Iec104DissectorTest.INTERROGATION_ACT)), 5000))
                .isEqualTo(Confidence.CONTENT);
    }

    @Test
    void implausibleControlFieldsOrUnknownTypesFallBackToThePort() {
        ByteBuffer twoFunctions = ByteBuffer.wrap(hex("68 04 17 00 00 00"));
        ByteBuffer unknownType = ByteBuffer.wrap(hex("68 0e 00 00 00 00 c8 01 06 00 03 00 00 00 00 14"));
        assertThat(factory.probe(twoFunctions, 2404)).isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(twoFunctions, 5000)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(unknownType, 5000)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(ByteBuffer.wrap(hex("05 64 08 c4 0a 00 01 00 fc 42")), 5000))
                .isEqualTo(Confidence.NO);
    }

    @Test
    void probingDoesNotMoveTheBuffer() {
        ByteBuffer payload = ByteBuffer.wrap(hex("68 04 07 00 00 00"));
        factory.probe(payload, 2404);
        assertThat(payload.position()).isZero();
    }

    @Test
    void limitsStayWithinWhatTheStandardAllows() {
        assertThat(factory.protocol()).isEqualTo(Protocol.IEC104);
        assertThat(factory.newDissector().protocol()).isEqualTo(Protocol.IEC104);
        assertThatThrownBy(() -> new Iec104Limits(254, 127)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Iec104Limits(253, 128)).isInstanceOf(IllegalArgumentException.class);
    }
}
