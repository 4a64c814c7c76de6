package io.isthmus.wire.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BacnetDissectorFactoryTest {

    private final BacnetDissectorFactory factory = new BacnetDissectorFactory();

    private static ByteBuffer hex(String h) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(h));
    }

    @Test
    void aBvllWithItsExactLengthAndNpduVersionIsBacnetOnAnyPort_annexJ2() {
        assertThat(factory.probe(hex("810a001101040005010c0c023fffff194b"), 5000))
                .isEqualTo(Confidence.CONTENT);
        assertThat(factory.probe(hex("8104000ec0a8010abac001001008"), 47809)).isEqualTo(Confidence.CONTENT);
        assertThat(factory.probe(hex("810000060020"), 47808)).isEqualTo(Confidence.CONTENT);
    }

    @Test
    void otherPayloadsArePortOnlyOnTheBacnetPortsAndNoElsewhere() {
        ByteBuffer dns = hex("12340100000100000000000003777777");
        assertThat(factory.probe(dns, 47808)).isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(dns, 47823)).isEqualTo(Confidence.PORT_ONLY);
        assertThat(factory.probe(dns, 53)).isEqualTo(Confidence.NO);
        assertThat(factory.probe(hex("810a00ff0104"), 53))
                .as("length disagrees")
                .isEqualTo(Confidence.NO);
        assertThat(factory.probe(hex("810a00060204"), 53)).as("NPDU version 2").isEqualTo(Confidence.NO);
    }

    @Test
    void theFactoryMakesBacnetDissectors() {
        assertThat(factory.protocol()).isEqualTo(Protocol.BACNET);
        assertThat(factory.newDissector().protocol()).isEqualTo(Protocol.BACNET);
    }
}
