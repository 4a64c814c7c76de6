package io.isthmus.connect.transfer.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpairedLinkTest {

    @Test
    void each_impairment_happens_at_about_its_rate_and_the_seed_repeats_the_run() {
        var impairment = new Impairment(0.05, 0.02, 0.03, 5, 0.01, 7);
        List<byte[]> first = run(impairment);
        List<byte[]> second = run(impairment);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
        var link = new ImpairedLink(impairment);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            link.offer(datagram(i), 8, out::add);
        }
        link.flush(out::add);
        assertThat(link.dropped).isBetween(4_500L, 5_500L);
        assertThat(link.duplicated).isBetween(1_500L, 2_500L);
        assertThat(link.reordered).isBetween(2_400L, 3_400L);
        assertThat(link.flipped).isBetween(700L, 1_300L);
        assertThat(out).hasSize((int) (100_000 - link.dropped + link.duplicated));
        long outOfOrder = 0;
        long previous = -1;
        for (byte[] d : out) {
            long v = java.nio.ByteBuffer.wrap(d).getLong();
            if (v < previous) {
                outOfOrder++;
            }
            previous = Math.max(previous, v);
        }
        assertThat(outOfOrder).isPositive();
    }

    @Test
    void no_impairment_passes_everything_in_order() {
        var link = new ImpairedLink(Impairment.none(1));
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            link.offer(datagram(i), 8, out::add);
        }
        assertThat(out).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(out.get(i)).isEqualTo(datagram(i));
        }
    }

    private static List<byte[]> run(Impairment impairment) {
        var link = new ImpairedLink(impairment);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            link.offer(datagram(i), 8, out::add);
        }
        link.flush(out::add);
        return out;
    }

    private static byte[] datagram(long i) {
        return java.nio.ByteBuffer.allocate(8).putLong(i).array();
    }
}
