package io.isthmus.connect.transfer.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The receiver says when the kernel gave its socket less buffer than the configuration asked. */
class ReceiveBufferTest {
    private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    @Test
    void a_buffer_is_capped_when_the_kernel_reports_less_or_rmem_max_is_below_the_request() {
        var none = java.util.OptionalLong.empty();
        assertThat(DiodeReceiver.capped(16 << 20, 8 << 20, none)).isTrue();
        assertThat(DiodeReceiver.capped(8 << 20, 8 << 20, none)).isFalse();
        assertThat(DiodeReceiver.capped(4 << 20, 8 << 20, java.util.OptionalLong.of(4 << 20)))
                .isFalse();
        assertThat(DiodeReceiver.capped(6 << 20, 8 << 20, java.util.OptionalLong.of(4 << 20)))
                .as("Linux reports 8 MiB for rmem_max 4 MiB: a 6 MiB request was capped")
                .isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_request_above_rmem_max_is_reported_capped_and_one_within_it_is_not() throws Exception {
        int rmemMax = rmemMax();
        // requests sized from this host's setting, so the test runs (and asserts) whatever it is
        int aboveBytes = (int) Math.min(Integer.MAX_VALUE, (long) rmemMax + (1 << 20));
        int withinBytes = Math.max(4_096, Math.min(65_536, rmemMax / 2));
        var listen = new InetSocketAddress("127.0.0.1", 0);

        try (var above = new DiodeReceiver(withBuffer(listen, aboveBytes), new RecordingSink());
                var within = new DiodeReceiver(withBuffer(listen, withinBytes), new RecordingSink())) {
            assertThat(rmemMax())
                    .as("net.core.rmem_max changed during the test")
                    .isEqualTo(rmemMax);
            assertThat(above.receiveBufferCapped())
                    .as("%d bytes asked, rmem_max %d", aboveBytes, rmemMax)
                    .isTrue();
            assertThat((long) above.receiveBufferBytes()).isLessThanOrEqualTo(2L * rmemMax); // Linux doubles it
            assertThat(within.receiveBufferCapped())
                    .as("%d bytes asked, rmem_max %d", withinBytes, rmemMax)
                    .isFalse();
            assertThat(within.receiveBufferBytes()).isGreaterThanOrEqualTo(withinBytes);
        }
    }

    /** Not Files.readString: on JDK 25 it returned "4" of this procfs file's "4194304\n". */
    private static int rmemMax() throws java.io.IOException {
        return Integer.parseInt(Files.readAllLines(RMEM_MAX).getFirst().trim());
    }

    private static ReceiverConfig withBuffer(InetSocketAddress listen, int bytes) {
        var d = ReceiverConfig.defaults(listen);
        return d.withReceiveBufferBytes(bytes);
    }
}
