package io.isthmus.observe.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.wire.packet.IpHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flow table's open-addressing index behaves as the access-ordered {@link LinkedHashMap} it
 * replaced: the same flows found, the same least-recently-seen order, through growth and removals
 * that shift probe runs back.
 */
class FlowIndexTest {

    @Test
    void findsAddsAndRemovesLikeAnAccessOrderedMapUnderRandomOperations() {
        Random random = new Random(20261126);
        FlowIndex index = new FlowIndex();
        LinkedHashMap<FlowKey, Flow> model = new LinkedHashMap<>(16, 0.75f, true);
        for (int step = 0; step < 200_000; step++) {
            FlowKey key = key(random.nextInt(5_000));
            int op = random.nextInt(10);
            if (op < 6) {
                Flow found = find(index, key);
                assertThat(found).isSameAs(model.get(key));
                if (found == null) {
                    Flow flow = flow(key);
                    index.add(flow);
                    model.put(key, flow);
                }
            } else if (op < 8) {
                Flow flow = model.remove(key);
                if (flow != null) {
                    index.remove(flow);
                }
            } else if (!model.isEmpty()) {
                Flow eldest = model.values().iterator().next();
                assertThat(index.eldest()).isSameAs(eldest);
                model.remove(eldest.key());
                index.remove(eldest);
            }
            assertThat(index.size()).isEqualTo(model.size());
            if (step % 10_000 == 0) {
                assertThat(index.inOrder()).containsExactlyElementsOf(new ArrayList<>(model.values()));
            }
        }
        assertThat(index.inOrder()).containsExactlyElementsOf(new ArrayList<>(model.values()));
    }

    @Test
    void keepsFindingEveryFlowAfterGrowingAndAfterEmptying() {
        FlowIndex index = new FlowIndex();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Flow f = flow(key(i));
            index.add(f);
            flows.add(f);
        }
        for (Flow f : flows) {
            assertThat(find(index, f.key())).isSameAs(f);
        }
        assertThat(index.inOrder()).as("in insertion order").containsExactlyElementsOf(flows);
        for (Flow f = index.eldest(); f != null; f = index.eldest()) {
            index.remove(f);
        }
        assertThat(index.size()).isZero();
        assertThat(find(index, flows.getFirst().key())).isNull();
    }

    @Test
    void refusesToRemoveAFlowItDoesNotHold() {
        FlowIndex index = new FlowIndex();
        index.add(flow(key(1)));
        Flow stranger = flow(key(2));
        stranger.hash = stranger.key().hashCode();

        assertThatThrownBy(() -> index.remove(stranger)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void computesTheKeysHashAndComparesItWithoutTheKey() {
        FlowKey k = new FlowKey(IpHeader.UDP, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40000, 7);
        assertThat(FlowKey.hash(17, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40000, 7))
                .isEqualTo(k.hashCode());
        Flow f = flow(k);
        assertThat(f.hasKey(17, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40000, 7))
                .isTrue();
        assertThat(f.hasKey(17, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40000, 8))
                .isFalse();
        assertThat(f.hasKey(17, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40001, 7))
                .isFalse();
        assertThat(f.hasKey(17, 1, 0x0A00_0001L, 502, 2, 0x0A00_0003L, 40000, 7))
                .isFalse();
        assertThat(f.hasKey(6, 1, 0x0A00_0001L, 502, 2, 0x0A00_0002L, 40000, 7)).isFalse();
    }

    /** Keys that differ in few bits (ports, the low address), as a capture's flows do. */
    private static FlowKey key(int i) {
        return new FlowKey(IpHeader.UDP, 0, 0xC0A8_0000L | (i % 7), 1000 + i, 0, 0xC0A8_0100L, 502, 0);
    }

    private static Flow flow(FlowKey key) {
        return new Flow(key, true, ClientBasis.PORT, 0, null);
    }

    private static Flow find(FlowIndex index, FlowKey k) {
        return index.find(k.protocol(), k.aHigh(), k.aLow(), k.aPort(), k.bHigh(), k.bLow(), k.bPort(), k.vlan());
    }
}
