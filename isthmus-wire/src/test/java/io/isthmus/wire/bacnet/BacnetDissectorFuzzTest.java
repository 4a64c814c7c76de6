package io.isthmus.wire.bacnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import java.nio.ByteBuffer;

/**
 * Jazzer fuzz tests of the BACnet/IP entry points; {@code ./mvnw verify} replays the seeds in
 * {@code BacnetDissectorFuzzTestInputs/}, {@code JAZZER_FUZZ=1} fuzzes. Small limits reach the
 * tag and MAC bounds.
 */
class BacnetDissectorFuzzTest {

    private static final BacnetLimits SMALL = new BacnetLimits(6, 16, 16);

    @FuzzTest
    void dissectorConsumesExactlyTheDatagram(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        Dissection d = new BacnetDissector(SMALL).next(buffer, Direction.REQUEST);
        assertThat(buffer.position()).isZero();
        assertThat(buffer.limit()).isEqualTo(datagram.length);
        switch (d) {
            case Dissection.Messages m -> {
                assertThat(m.consumed()).isEqualTo(datagram.length);
                assertThat(m.messages()).hasSize(1);
                assertThat(m.messages().get(0).function()).isBetween(0, 0x20FF);
            }
            case Dissection.Malformed m -> {
                assertThat(m.skip()).isEqualTo(datagram.length);
                assertThat(m.offset()).isBetween(0, datagram.length);
            }
            case Dissection.NeedMore n -> throw new AssertionError("datagrams never need more: " + n);
        }
    }

    @FuzzTest
    void probeAnswersForAnyBytes(byte[] payload) {
        assertThat(new BacnetDissectorFactory(SMALL).probe(ByteBuffer.wrap(payload), 47808))
                .isNotNull();
    }
}
