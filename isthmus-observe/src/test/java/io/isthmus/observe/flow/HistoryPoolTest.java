package io.isthmus.observe.flow;

import static io.isthmus.observe.flow.Conversation.PSH_ACK;
import static io.isthmus.observe.flow.Conversation.SYN;
import static io.isthmus.wire.Direction.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HistoryPoolTest {

    @Test
    void handsBackARingOfTheSizeAskedFor() {
        HistoryPool pool = new HistoryPool();
        byte[] small = new byte[64];
        byte[] odd = new byte[1000];
        pool.give(small);
        pool.give(odd);

        assertThat(pool.take(128)).hasSize(128).isNotSameAs(small);
        assertThat(pool.take(64)).isSameAs(small);
        assertThat(pool.take(64)).hasSize(64).isNotSameAs(small);
        assertThat(pool.take(1000)).isSameAs(odd);
        assertThat(pool.size()).isZero();
    }

    @Test
    void keepsAtMostItsBoundOfEachSize() {
        HistoryPool pool = new HistoryPool();
        for (int i = 0; i < 1000; i++) {
            pool.give(new byte[1024]);
            pool.give(new byte[1 << 20]);
        }
        assertThat(pool.size()).isEqualTo(HistoryPool.BYTES_PER_SIZE / 1024 + 1);
    }

    @Test
    void getsTheRingsOfClosedStreamsAndOutgrownOnes() {
        HistoryPool pool = new HistoryPool();
        StreamContext context =
                new StreamContext(FlowLimits.DEFAULT, new FlowCounters(), new Recorder(), new PayloadView(), pool);
        TcpReassembler first =
                new Flow(new FlowKey(6, 0, 1, 1, 0, 2, 502, 0), true, ClientBasis.SYN, 0, context).stream(REQUEST);
        first.segment(100, SYN, ByteBuffer.allocate(0), 0, 0, 0);
        first.segment(101, PSH_ACK, ByteBuffer.wrap(new byte[10]), 0, 10, 0);
        assertThat(first.historyBytes()).isEqualTo(64);
        first.segment(111, PSH_ACK, ByteBuffer.wrap(new byte[100]), 0, 100, 0);
        assertThat(first.historyBytes()).isEqualTo(128);
        assertThat(pool.size()).isEqualTo(1); // the 64-byte ring it outgrew

        first.close(CloseReason.FIN);
        assertThat(pool.size()).isEqualTo(2);

        TcpReassembler second =
                new Flow(new FlowKey(6, 0, 1, 2, 0, 2, 502, 0), true, ClientBasis.SYN, 0, context).stream(REQUEST);
        second.segment(500, SYN, ByteBuffer.allocate(0), 0, 0, 0);
        second.segment(501, PSH_ACK, ByteBuffer.wrap(new byte[10]), 0, 10, 0);
        assertThat(pool.size()).isEqualTo(1);
    }
}
