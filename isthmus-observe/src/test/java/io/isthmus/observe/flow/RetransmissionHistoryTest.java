package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static io.isthmus.observe.flow.Conversation.SYN;
import static io.isthmus.wire.Direction.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retransmission history grows as bytes arrive but compares exactly what a full-size ring of
 * {@link FlowLimits#retransmissionCheckBytes()} would: the last that many delivered bytes, none
 * from before a gap.
 */
class RetransmissionHistoryTest {
    private static final int ISN = 0x7FFF_FF00;

    @ParameterizedTest
    @ValueSource(ints = {1, 63, 64, 65, 100, 1024, 3000})
    void reportsAChangedByteExactlyWhereAFullSizeRingWouldHoldIt(int size) {
        Run run = run(size, ByteBuffer::wrap);
        assertThat(run.recorder.events).isEqualTo(run.expected);
    }

    /**
     * The history copies from a buffer's array where it has one: a slice (array offset not 0), a
     * read-only and a direct buffer, which have none, must give the same conflicts.
     */
    @ParameterizedTest
    @ValueSource(ints = {65, 1024, 3000})
    void reportsTheSameConflictsFromEveryKindOfBuffer(int size) {
        List<Function<byte[], ByteBuffer>> kinds = List.of(
                b -> {
                    byte[] padded = new byte[b.length + 7];
                    System.arraycopy(b, 0, padded, 7, b.length);
                    return ByteBuffer.wrap(padded).position(7).slice();
                },
                b -> ByteBuffer.wrap(b).asReadOnlyBuffer(),
                b -> ByteBuffer.allocateDirect(b.length).put(b).clear());
        for (Function<byte[], ByteBuffer> kind : kinds) {
            Run run = run(size, kind);
            assertThat(run.recorder.events).isEqualTo(run.expected).isNotEmpty();
        }
    }

    /**
     * Rings from the pool hold bytes of the streams that used them before (they are not cleared):
     * those must neither show as conflicts nor hide one.
     */
    @ParameterizedTest
    @ValueSource(ints = {65, 100, 1024, 3000})
    void comparesTheSameWithRingsOtherStreamsGaveBack(int size) {
        HistoryPool pool = new HistoryPool();
        Random random = new Random(-size);
        for (int ring = 64; ring < 2 * size; ring <<= 1) {
            for (int i = 0; i < 3; i++) {
                byte[] used = new byte[Math.min(ring, size)];
                random.nextBytes(used);
                pool.give(used);
            }
        }
        int given = pool.size();
        Run run = run(size, ByteBuffer::wrap, pool);
        assertThat(run.recorder.events).isEqualTo(run.expected).isNotEmpty();
        assertThat(pool.size()).isLessThan(given);
    }

    private record Run(Recorder recorder, List<String> expected) {}

    /**
     * A random stream delivered in random segments with random gaps, each followed by re-sent
     * bytes with one byte changed and a long unchanged retransmission: the conflicts a full-size
     * ring reports are {@code expected}.
     */
    private static Run run(int size, Function<byte[], ByteBuffer> wrap) {
        return run(size, wrap, new HistoryPool());
    }

    private static Run run(int size, Function<byte[], ByteBuffer> wrap, HistoryPool pool) {
        Recorder recorder = new Recorder();
        FlowLimits limits = limits(size);
        TcpReassembler r = reassembler(limits, recorder, pool);
        Random random = new Random(size);
        byte[] stream = new byte[40_000];
        random.nextBytes(stream);
        ByteBuffer original = wrap.apply(stream);
        r.segment(ISN, SYN, ByteBuffer.allocate(0), 0, 0, 0);
        int next = 0;
        int validFrom = 0;
        List<String> expected = new ArrayList<>();
        while (next < 30_000) {
            int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 400);
            int missing = random.nextInt(20) == 0 ? 1 + random.nextInt(50) : 0;
            r.segment(ISN + 1 + next, PSH_ACK, original.clear(), next, length, missing);
            next += length + missing;
            if (missing > 0) {
                validFrom = next;
            }
            assertThat(r.historyBytes()).isBetween(Math.min(size, next - validFrom), size);
            for (int k = 0; k < 4 && next >= 2; k++) {
                int p = Math.max(0, next - 2 - random.nextInt(Math.min(next, 2 * size + 40)));
                byte[] changed = stream.clone();
                changed[p] ^= 0x5A;
                r.segment(ISN + 1 + p, PSH_ACK, wrap.apply(changed), p, 2, 0);
                if (p >= validFrom && p >= next - size) {
                    expected.add("conflict REQUEST at " + p);
                }
            }
            r.segment(
                    ISN + 1 + next - Math.min(next, 300),
                    PSH_ACK,
                    original.clear(),
                    next - Math.min(next, 300),
                    Math.min(next, 300),
                    0);
        }
        assertThat(r.nextOffset()).isEqualTo(next);
        return new Run(recorder, expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1024})
    void keepsASmallHistoryForAShortStreamAndNoneWhenTheCheckIsOff(int size) {
        TcpReassembler r = reassembler(limits(size), new Recorder(), new HistoryPool());
        r.segment(ISN, SYN, ByteBuffer.allocate(0), 0, 0, 0);
        assertThat(r.historyBytes()).isZero();
        r.segment(ISN + 1, PSH_ACK, ByteBuffer.wrap(new byte[12]), 0, 12, 0);
        assertThat(r.historyBytes()).isLessThanOrEqualTo(Math.min(size, 64));
        r.segment(ISN + 13, PSH_ACK, ByteBuffer.wrap(new byte[5000]), 0, 5000, 0);
        assertThat(r.historyBytes()).isEqualTo(size);
    }

    private static FlowLimits limits(int retransmissionCheckBytes) {
        FlowLimits d = FlowLimits.DEFAULT;
        return new FlowLimits(
                d.maxFlows(),
                d.idleTimeout(),
                d.maxStreamBufferBytes(),
                d.maxTotalStreamBufferBytes(),
                retransmissionCheckBytes,
                d.maxFragmentedDatagrams(),
                d.maxDatagramBytes(),
                d.maxFragmentsPerDatagram(),
                d.fragmentTimeout());
    }

    private static TcpReassembler reassembler(FlowLimits limits, Recorder recorder, HistoryPool pool) {
        Flow flow = new Flow(
                new FlowKey(6, 0, 1, 1, 0, 2, 502, 0),
                true,
                ClientBasis.SYN,
                0,
                new StreamContext(limits, new FlowCounters(), recorder, new PayloadView(), pool));
        return flow.stream(REQUEST);
    }
}
