package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Dissector;
import io.isthmus.wire.DissectorFactory;
import io.isthmus.wire.DissectorFactory.Confidence;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Identification picks what the rule in {@link DissectorRegistry#identify}'s documentation says. */
class DissectorRegistryTest {

    /** A factory whose answer is a fixed table indexed by the payload's first octet: pure, as real probes are. */
    private record Table(Protocol protocol, Confidence[] answers) implements DissectorFactory {
        @Override
        public Confidence probe(ByteBuffer firstPayload, int serverPort) {
            return answers[firstPayload.get(firstPayload.position()) & 0xFF];
        }

        @Override
        public Dissector newDissector() {
            throw new UnsupportedOperationException("not dissected here");
        }
    }

    @Test
    void aContentMatchOnItsPortBeatsAnEarlierContentMatchElsewhereAndAnyPortMatch() {
        Table enip = fixed(Protocol.ENIP, Confidence.CONTENT);
        Table modbus = fixed(Protocol.MODBUS, Confidence.PORT_ONLY);
        Table dnp3 = fixed(Protocol.DNP3, Confidence.CONTENT);
        var registry = new DissectorRegistry(List.of(modbus, enip, dnp3));

        assertThat(registry.identify(payload(0), 20_000)).containsSame(dnp3);
        assertThat(registry.identify(payload(0), 502)).containsSame(enip);
        assertThat(registry.identify(payload(0), 7)).containsSame(enip);
    }

    @Test
    void twoProtocolsOfOnePortGoToTheFirstListedWhoseContentMatches() {
        Table s7 = fixed(Protocol.S7COMM, Confidence.PORT_ONLY);
        Table s7plus = fixed(Protocol.S7COMM_PLUS, Confidence.CONTENT);
        Table modbus = fixed(Protocol.MODBUS, Confidence.CONTENT);

        assertThat(new DissectorRegistry(List.of(modbus, s7, s7plus)).identify(payload(0), 102))
                .containsSame(s7plus);
        assertThat(new DissectorRegistry(List.of(s7, modbus)).identify(payload(0), 102))
                .containsSame(modbus);
    }

    @Test
    void framesWithoutPortsAreOfferedOnlyToProtocolsWithoutAPort() {
        Table modbus = fixed(Protocol.MODBUS, Confidence.CONTENT);
        Table dcp = fixed(Protocol.PN_DCP, Confidence.CONTENT);
        var registry = new DissectorRegistry(List.of(modbus, dcp));

        assertThat(registry.identify(payload(0), -1)).containsSame(dcp);
        assertThat(registry.identify(payload(0), 502)).containsSame(modbus);
        assertThat(new DissectorRegistry(List.of(modbus)).identify(payload(0), -1))
                .isEmpty();
    }

    /**
     * A probe that notes the position, limit and byte order it was given, then reads the way a
     * careless one might: it moves all three.
     */
    private record Careless(Protocol protocol, List<String> seen) implements DissectorFactory {
        @Override
        public Confidence probe(ByteBuffer firstPayload, int serverPort) {
            seen.add(firstPayload.position() + " " + firstPayload.limit() + " " + firstPayload.order());
            firstPayload
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .limit(firstPayload.position() + 1)
                    .get();
            return Confidence.NO;
        }

        @Override
        public Dissector newDissector() {
            throw new UnsupportedOperationException("not dissected here");
        }
    }

    @Test
    void eachProbeSeesThePayloadAsItCameInBigEndianOrderAndThePayloadIsLeftAsItCame() {
        // identify probes the payload itself, not a duplicate: what a probe moved is put back
        List<String> seen = new ArrayList<>();
        Table modbus = fixed(Protocol.MODBUS, Confidence.CONTENT);
        var registry = new DissectorRegistry(
                List.of(new Careless(Protocol.ENIP, seen), modbus, new Careless(Protocol.DNP3, seen)));
        ByteBuffer payload = payload(0).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(registry.identify(payload, 7)).containsSame(modbus);
        assertThat(registry.identify(payload, 44_818)).containsSame(modbus);

        assertThat(seen).hasSize(5).containsOnly("3 5 BIG_ENDIAN");
        assertThat(payload.position()).isEqualTo(3);
        assertThat(payload.limit()).isEqualTo(5);
        assertThat(payload.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void randomRegistriesPayloadsAndPortsPickWhatProbingEveryFactoryInOrderPicks() {
        Random random = new Random(17);
        Protocol[] protocols = Protocol.values();
        int[] ports = {-1, 102, 502, 2404, 1883, 4840, 20000, 44818, 47808, 7};
        for (int round = 0; round < 3_000; round++) {
            List<DissectorFactory> factories = new ArrayList<>();
            for (int n = 1 + random.nextInt(10); n > 0; n--) {
                Confidence[] answers = new Confidence[4];
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = Confidence.values()[random.nextInt(3)];
                }
                factories.add(new Table(protocols[random.nextInt(protocols.length)], answers));
            }
            var registry = new DissectorRegistry(factories);
            for (int first = 0; first < 4; first++) {
                for (int port : ports) {
                    ByteBuffer payload = payload(first);
                    assertThat(registry.identify(payload, port))
                            .as("round %d, octet %d, port %d", round, first, port)
                            .isEqualTo(everyFactoryInOrder(factories, payload(first), port));
                    assertThat(payload.position()).isEqualTo(3);
                }
            }
        }
    }

    /** The rule as written: every factory of the port kind probed, in order. */
    private static Optional<DissectorFactory> everyFactoryInOrder(
            List<DissectorFactory> factories, ByteBuffer payload, int serverPort) {
        DissectorFactory content = null;
        DissectorFactory port = null;
        for (DissectorFactory f : factories) {
            if ((serverPort < 0) != f.protocol().wellKnownPort().isEmpty()) {
                continue;
            }
            Confidence c = f.probe(payload.duplicate(), serverPort);
            if (c == Confidence.CONTENT && (content == null || onItsPort(f, serverPort))) {
                content = content != null && onItsPort(content, serverPort) ? content : f;
            } else if (c == Confidence.PORT_ONLY && port == null) {
                port = f;
            }
        }
        return Optional.ofNullable(content != null ? content : port);
    }

    private static boolean onItsPort(DissectorFactory f, int serverPort) {
        return f.protocol().wellKnownPort().orElse(-2) == serverPort;
    }

    private static Table fixed(Protocol protocol, Confidence answer) {
        return new Table(protocol, new Confidence[] {answer, answer, answer, answer});
    }

    /** Three octets of padding, then {@code first}: the position is 3, as in a frame. */
    private static ByteBuffer payload(int first) {
        return ByteBuffer.wrap(new byte[] {9, 9, 9, (byte) first, 5}).position(3);
    }
}
