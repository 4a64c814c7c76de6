package io.isthmus.wire.s7.cotp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class CotpReassemblerTest {

    private static final ByteBuffer DATA = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    @Test
    void iso8073Section13_7FragmentsJoinInOrderAtTheEndOfTsdu() {
        var r = new CotpReassembler(4, 100);
        assertThat(r.accept(DATA, 0, 3, false)).isEqualTo(new Reassembly.Pending(1, 3));
        assertThat(r.accept(DATA, 3, 2, false)).isEqualTo(new Reassembly.Pending(2, 5));
        var complete = (Reassembly.Complete) r.accept(DATA, 5, 3, true);
        byte[] out = new byte[complete.tsdu().remaining()];
        complete.tsdu().get(out);
        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(r.holdsNothing()).isTrue();
    }

    @Test
    void fragmentsThatNeverEndFailOnceAtTheLimitAndAreDroppedUpToTheirEnd() {
        var r = new CotpReassembler(3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(r.accept(DATA, 0, 1, false)).isInstanceOf(Reassembly.Pending.class);
        }
        assertThat(r.accept(DATA, 0, 1, false)).isEqualTo(new Reassembly.Failed(CotpError.FRAGMENTS_UNTERMINATED, 4));
        for (int i = 0; i < 100; i++) {
            assertThat(r.accept(DATA, 0, 8, false)).isEqualTo(new Reassembly.Discarded());
        }
        assertThat(r.accept(DATA, 0, 8, true)).isEqualTo(new Reassembly.Discarded());
        assertThat(r.holdsNothing()).isTrue();
    }

    @Test
    void aTsduLargerThanTheLimitFailsBeforeItsOctetsAreStored() {
        var r = new CotpReassembler(100, 10);
        assertThat(r.accept(DATA, 0, 8, false)).isInstanceOf(Reassembly.Pending.class);
        assertThat(r.accept(DATA, 0, 8, true)).isEqualTo(new Reassembly.Failed(CotpError.REASSEMBLY_TOO_LARGE, 16));
        assertThat(r.holdsNothing()).isTrue();
    }

    @Test
    void emptyFragmentsCountButHoldNoOctets() {
        var r = new CotpReassembler(2, 10);
        assertThat(r.accept(DATA, 0, 0, false)).isEqualTo(new Reassembly.Pending(1, 0));
        assertThat(r.holdsNothing()).isTrue();
        r.reset();
        assertThat(r.accept(DATA, 0, 0, false)).isEqualTo(new Reassembly.Pending(1, 0));
    }

    @Test
    void aCompletedTsduKeepsItsOctetsWhileTheNextOneIsGathered() {
        var r = new CotpReassembler(4, 100);
        r.accept(DATA, 0, 2, false);
        var first = (Reassembly.Complete) r.accept(DATA, 2, 2, true);
        r.accept(DATA, 4, 2, false);
        var second = (Reassembly.Complete) r.accept(DATA, 6, 2, true);
        assertThat(octets(first.tsdu())).containsExactly(1, 2, 3, 4);
        assertThat(octets(second.tsdu())).containsExactly(5, 6, 7, 8);
        assertThat(r.accept(DATA, 0, 0, true))
                .isInstanceOfSatisfying(
                        Reassembly.Complete.class,
                        c -> assertThat(c.tsdu().remaining()).isZero());
    }

    private static byte[] octets(ByteBuffer tsdu) {
        byte[] out = new byte[tsdu.remaining()];
        tsdu.duplicate().get(out);
        return out;
    }
}
