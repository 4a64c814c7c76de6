package io.isthmus.wire.dnp3;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.dnp3.app.AppParser;
import io.isthmus.wire.dnp3.app.AppParsing;
import io.isthmus.wire.dnp3.link.LinkDecoder;
import io.isthmus.wire.dnp3.link.LinkDecoding;
import io.isthmus.wire.dnp3.transport.ReassemblyKey;
import io.isthmus.wire.dnp3.transport.SegmentOutcome;
import io.isthmus.wire.dnp3.transport.TransportReassembler;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer fuzz tests of every DNP3 decoder entry point: regression mode (seeds in
 * Dnp3FuzzTestInputs) runs in {@code ./mvnw verify}; {@code JAZZER_FUZZ=1} fuzzes. Only documented
 * result types may come out, nothing may throw, and every size stays within the input and limits.
 */
class Dnp3FuzzTest {
    private static final int MAX_FRAME = 292;
    private static final Dnp3Limits LIMITS = new Dnp3Limits(512, 8, 4, 32, 4096);

    @FuzzTest
    void dissectorStream(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 300);
        byte[] stream = data.consumeRemainingAsBytes();
        Dnp3Dissector dissector = new Dnp3Dissector(LIMITS);
        byte[] pending = new byte[0];
        for (int i = 0; i < stream.length; i += chunk) {
            pending = append(pending, Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk)));
            pending = drain(dissector, pending);
            assertThat(pending.length).isLessThan(MAX_FRAME);
        }
        assertThat(dissector.unfinished()).hasSizeLessThanOrEqualTo(LIMITS.maxReassemblies());
    }

    @FuzzTest
    void linkDecoder(byte[] input) {
        ByteBuffer data = ByteBuffer.wrap(input);
        switch (LinkDecoder.decode(data)) {
            case LinkDecoding.Frame f -> assertThat(f.consumed()).isBetween(10, Math.min(input.length, MAX_FRAME));
            case LinkDecoding.NeedMore n -> assertThat(n.bytes()).isBetween(1, MAX_FRAME);
            case LinkDecoding.Invalid i -> assertThat(i.skip()).isBetween(1, input.length);
        }
        assertThat(data.position()).isZero();
    }

    @FuzzTest
    void transportReassembler(FuzzedDataProvider data) {
        TransportReassembler reassembler = new TransportReassembler(512, 8, 4);
        while (data.remainingBytes() > 0) {
            ReassemblyKey key = new ReassemblyKey(data.consumeBoolean(), data.consumeInt(0, 5), 1);
            byte[] segment = data.consumeBytes(data.consumeInt(0, 250));
            SegmentOutcome outcome = reassembler.accept(key, segment);
            if (outcome instanceof SegmentOutcome.Complete c) {
                assertThat(c.fragment().length).isLessThanOrEqualTo(512);
            }
            assertThat(reassembler.inProgress()).isLessThanOrEqualTo(4);
        }
    }

    @FuzzTest
    void appParser(byte[] fragment) {
        switch (new AppParser(32, 4096).parse(fragment)) {
            case AppParsing.Parsed p -> {
                assertThat(p.fragment().headers()).hasSizeLessThanOrEqualTo(32);
                assertThat(p.fragment().problems()).hasSizeLessThanOrEqualTo(1);
            }
            case AppParsing.Unreadable u -> assertThat(fragment.length).isLessThan(2);
        }
    }

    private static byte[] drain(Dnp3Dissector dissector, byte[] pending) {
        int at = 0;
        while (at < pending.length) {
            ByteBuffer view = ByteBuffer.wrap(pending, at, pending.length - at).slice();
            int step = switch (dissector.next(view, Direction.REQUEST)) {
                case Dissection.Messages m -> m.consumed();
                case Dissection.NeedMore n -> {
                    assertThat(n.bytes()).isBetween(1, MAX_FRAME);
                    yield 0;
                }
                case Dissection.Malformed m -> {
                    assertThat(m.offset()).isBetween(0, view.remaining());
                    yield m.skip();
                }
            };
            assertThat(view.position()).isZero();
            assertThat(step).isBetween(0, view.remaining());
            if (step == 0) {
                break;
            }
            at += step;
        }
        return Arrays.copyOfRange(pending, at, pending.length);
    }

    private static byte[] append(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
