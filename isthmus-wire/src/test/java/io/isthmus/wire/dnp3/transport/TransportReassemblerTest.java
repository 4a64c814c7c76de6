package io.isthmus.wire.dnp3.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IEEE 1815-2012 clause 8.2: FIR starts, FIN ends, sequence numbers count modulo 64. */
class TransportReassemblerTest {
    private static final ReassemblyKey MASTER_TO_10 = new ReassemblyKey(true, 1, 10);
    private static final ReassemblyKey OUTSTATION_10 = new ReassemblyKey(false, 10, 1);

    private final TransportReassembler reassembler = new TransportReassembler(2048, 63, 4);

    private static byte[] segment(boolean fir, boolean fin, int sequence, int... payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = (byte) ((fin ? 0x80 : 0) | (fir ? 0x40 : 0) | sequence);
        for (int i = 0; i < payload.length; i++) {
            out[i + 1] = (byte) payload[i];
        }
        return out;
    }

    @Test
    void theHeaderOctetCarriesFinFirAndASixBitSequence() {
        assertThat(TransportHeader.of(0xC0)).isEqualTo(new TransportHeader(true, true, 0));
        assertThat(TransportHeader.of(0x73)).isEqualTo(new TransportHeader(false, true, 51));
        assertThat(TransportHeader.of(0xBF)).isEqualTo(new TransportHeader(true, false, 63));
        assertThat(TransportHeader.of(0x3F).nextSequence()).isZero();
    }

    @Test
    void aSegmentWithFirAndFinIsAWholeFragment() {
        SegmentOutcome o = reassembler.accept(MASTER_TO_10, segment(true, true, 0, 0xC0, 0x0D));
        assertThat(o).isInstanceOf(SegmentOutcome.Complete.class);
        assertThat(((SegmentOutcome.Complete) o).fragment()).containsExactly(0xC0, 0x0D);
        assertThat(reassembler.inProgress()).isZero();
    }

    @Test
    void consecutiveSegmentsAreJoinedUntilFin() {
        assertThat(reassembler.accept(OUTSTATION_10, segment(true, false, 51, 1, 2)))
                .isEqualTo(new SegmentOutcome.Pending(List.of()));
        assertThat(reassembler.accept(OUTSTATION_10, segment(false, false, 52, 3)))
                .isEqualTo(new SegmentOutcome.Pending(List.of()));
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, true, 53, 4, 5));
        assertThat(((SegmentOutcome.Complete) o).fragment()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theSequenceWrapsFrom63To0() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 63, 1));
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, true, 0, 2));
        assertThat(((SegmentOutcome.Complete) o).fragment()).containsExactly(1, 2);
    }

    @Test
    void fragmentsOfDifferentAddressPairsAreAssembledApart() {
        ReassemblyKey other = new ReassemblyKey(false, 11, 1);
        reassembler.accept(OUTSTATION_10, segment(true, false, 5, 1));
        reassembler.accept(other, segment(true, false, 9, 7));
        SegmentOutcome a = reassembler.accept(OUTSTATION_10, segment(false, true, 6, 2));
        SegmentOutcome b = reassembler.accept(other, segment(false, true, 10, 8));
        assertThat(((SegmentOutcome.Complete) a).fragment()).containsExactly(1, 2);
        assertThat(((SegmentOutcome.Complete) b).fragment()).containsExactly(7, 8);
    }

    @Test
    void anOutOfSequenceSegmentDropsTheFragment() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 1, 1));
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, true, 3, 2));
        assertThat(((SegmentOutcome.Rejected) o).problem().error()).isEqualTo(TransportError.OUT_OF_SEQUENCE);
        assertThat(((SegmentOutcome.Rejected) o).problem().detail()).contains("expected sequence 2, got 3");
        assertThat(reassembler.inProgress()).isZero();
    }

    @Test
    void aRepeatedSegmentIsIgnored() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 1, 1));
        reassembler.accept(OUTSTATION_10, segment(false, false, 2, 2));
        assertThat(reassembler.accept(OUTSTATION_10, segment(false, false, 2, 2)))
                .isEqualTo(new SegmentOutcome.Pending(List.of()));
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, true, 3, 3));
        assertThat(((SegmentOutcome.Complete) o).fragment()).containsExactly(1, 2, 3);
    }

    @Test
    void aSegmentWithoutFirAndNothingInProgressIsRejected() {
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, true, 4, 1));
        assertThat(((SegmentOutcome.Rejected) o).problem().error()).isEqualTo(TransportError.NO_FIRST_SEGMENT);
    }

    @Test
    void aNewFirstSegmentBeforeFinReportsTheUnfinishedFragment() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 1, 1, 1, 1));
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(true, true, 7, 9));
        SegmentOutcome.Complete c = (SegmentOutcome.Complete) o;
        assertThat(c.fragment()).containsExactly(9);
        assertThat(c.problems())
                .extracting(TransportProblem::error)
                .containsExactly(TransportError.FRAGMENT_UNFINISHED);
    }

    @Test
    void moreThan63SegmentsWithoutFinAreAnAnomalyAndTheFragmentIsDropped() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 0, 0));
        for (int i = 1; i < 63; i++) {
            assertThat(reassembler.accept(OUTSTATION_10, segment(false, false, i, i)))
                    .isInstanceOf(SegmentOutcome.Pending.class);
        }
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, segment(false, false, 63, 63));
        assertThat(((SegmentOutcome.Rejected) o).problem().error()).isEqualTo(TransportError.TOO_MANY_SEGMENTS);
        assertThat(reassembler.inProgress()).isZero();
    }

    @Test
    void aFragmentLargerThanTheMaximumIsDroppedBeforeItGrows() {
        TransportReassembler small = new TransportReassembler(4, 63, 4);
        small.accept(OUTSTATION_10, segment(true, false, 0, 1, 2, 3));
        SegmentOutcome o = small.accept(OUTSTATION_10, segment(false, true, 1, 4, 5));
        assertThat(((SegmentOutcome.Rejected) o).problem().error()).isEqualTo(TransportError.FRAGMENT_TOO_LARGE);
        assertThat(small.accept(OUTSTATION_10, segment(true, true, 0, 1, 2, 3, 4, 5)))
                .isInstanceOf(SegmentOutcome.Rejected.class);
    }

    @Test
    void theOldestReassemblyIsDroppedWhenTooManyAddressPairsAreInProgress() {
        for (int source = 0; source < 4; source++) {
            reassembler.accept(new ReassemblyKey(false, source, 1), segment(true, false, 0, source));
        }
        SegmentOutcome o = reassembler.accept(new ReassemblyKey(false, 99, 1), segment(true, false, 0, 99));
        assertThat(((SegmentOutcome.Pending) o).problems())
                .extracting(TransportProblem::error)
                .containsExactly(TransportError.TOO_MANY_REASSEMBLIES);
        assertThat(reassembler.inProgress()).isEqualTo(4);
        assertThat(reassembler.accept(new ReassemblyKey(false, 0, 1), segment(false, true, 1, 0)))
                .isInstanceOf(SegmentOutcome.Rejected.class);
    }

    @Test
    void anEmptyUserDataFieldIsRejected() {
        SegmentOutcome o = reassembler.accept(OUTSTATION_10, new byte[0]);
        assertThat(((SegmentOutcome.Rejected) o).problem().error()).isEqualTo(TransportError.EMPTY_SEGMENT);
    }

    @Test
    void fragmentsThatNeverGetFinAreListedWhenTheFlowEnds() {
        reassembler.accept(OUTSTATION_10, segment(true, false, 0, 1));
        assertThat(reassembler.unfinished())
                .singleElement()
                .satisfies(p -> assertThat(p.error()).isEqualTo(TransportError.FRAGMENT_UNFINISHED));
    }
}
