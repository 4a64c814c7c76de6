package io.isthmus.wire.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.wire.Direction;
import io.isthmus.wire.Dissection;
import io.isthmus.wire.iec104.apci.ApciDecoder;
import io.isthmus.wire.iec104.apci.ApduDecoding;
import io.isthmus.wire.iec104.asdu.AsduParser;
import io.isthmus.wire.iec104.asdu.AsduParsing;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer fuzz tests of every IEC 60870-5-104 decoder entry point: regression mode (seeds in
 * Iec104FuzzTestInputs) runs in {@code ./mvnw verify}; {@code JAZZER_FUZZ=1} fuzzes. Only
 * documented result types may come out, nothing may throw, sizes stay within input and limits.
 */
class Iec104FuzzTest {
    private static final int MAX_APDU = 255;

    @FuzzTest
    void dissectorStream(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 300);
        Direction hint = data.consumeBoolean() ? Direction.REQUEST : Direction.RESPONSE;
        byte[] stream = data.consumeRemainingAsBytes();
        Iec104Dissector dissector = new Iec104Dissector(Iec104Limits.DEFAULT);
        byte[] pending = new byte[0];
        for (int i = 0; i < stream.length; i += chunk) {
            byte[] next = Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk));
            byte[] joined = Arrays.copyOf(pending, pending.length + next.length);
            System.arraycopy(next, 0, joined, pending.length, next.length);
            pending = drain(dissector, joined, hint);
            assertThat(pending.length).isLessThan(MAX_APDU);
        }
    }

    @FuzzTest
    void apciDecoder(byte[] input) {
        ByteBuffer data = ByteBuffer.wrap(input);
        switch (ApciDecoder.decode(data, ApciDecoder.MAX_LENGTH)) {
            case ApduDecoding.Apdu a -> {
                assertThat(a.consumed()).isBetween(6, Math.min(input.length, MAX_APDU));
                assertThat(a.asduOffset() + a.asduLength()).isLessThanOrEqualTo(a.consumed());
            }
            case ApduDecoding.NeedMore n -> assertThat(n.bytes()).isBetween(1, MAX_APDU);
            case ApduDecoding.Invalid i -> assertThat(i.skip()).isBetween(1, input.length);
        }
        assertThat(data.position()).isZero();
    }

    @FuzzTest
    void asduParser(byte[] input) {
        switch (AsduParser.parse(ByteBuffer.wrap(input), 0, input.length, 127)) {
            case AsduParsing.Parsed p -> {
                assertThat(p.asdu().objectCount()).isBetween(0, 127);
                assertThat(p.asdu().problems()).hasSizeLessThanOrEqualTo(4);
            }
            case AsduParsing.Unreadable u -> assertThat(input.length).isLessThan(AsduParser.IDENTIFIER_OCTETS);
        }
    }

    private static byte[] drain(Iec104Dissector dissector, byte[] pending, Direction hint) {
        int at = 0;
        while (at < pending.length) {
            ByteBuffer view = ByteBuffer.wrap(pending, at, pending.length - at).slice();
            int step = switch (dissector.next(view, hint)) {
                case Dissection.Messages m -> {
                    assertThat(m.messages()).hasSizeLessThanOrEqualTo(1);
                    yield m.consumed();
                }
                case Dissection.NeedMore n -> {
                    assertThat(n.bytes()).isBetween(1, MAX_APDU);
                    yield 0;
                }
                case Dissection.Malformed m -> {
                    assertThat(m.offset()).isBetween(0, view.remaining());
                    assertThat(m.skip()).isPositive();
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
}
