package io.isthmus.connect.transfer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.connect.transfer.frame.FrameCodec;
import io.isthmus.connect.transfer.frame.FrameLimits;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SenderConfigTest {
    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 4800);

    @ParameterizedTest(name = "overhead {0} with {1}-byte fragments and {2}-byte batches")
    @CsvSource({
        "0.5, 1400, 65536", // k = 47, m = 24: refused before (the rule assumed k = 200)
        "1.0, 1400, 65536", // k = 47, m = 47 <= 56
        "0.25, 8972, 131072", // jumbo: k = 15, m = 4
        "0.28, 1400, 280000", // the old ceiling, at the largest batch (k = 200, m = 56)
        "0, 64, 1024"
    })
    void overheadsWhoseParityFitsTheConfiguredBatchAreAccepted(double overhead, int fragment, int batch) {
        var c = SenderConfig.create(
                TO, b -> b.fecOverhead(overhead).fragmentBytes(fragment).maxBatchBytes(batch));
        int k = (batch + c.shardUnit() - 1) / c.shardUnit();
        assertThat(c.maxDataFragments()).isGreaterThanOrEqualTo(k);
        assertThat(c.parityFor(c.maxDataFragments())).isLessThanOrEqualTo(FrameLimits.DEFAULT.maxParityFragments());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "overhead 0.29 at the largest batch | 0.29 | 1400 | 280000 | fecOverhead is 0.29; a batch of 280000 bytes is 200 data fragments of 1400 bytes, which may have at most 56 parity fragments (maxParityFragments 56, k + m <= 256), so it must be in 0..0.2800",
                "overhead 0.6 at 100 fragments | 0.6 | 1400 | 140000 | fecOverhead is 0.6; a batch of 140000 bytes is 100 data fragments of 1400 bytes, which may have at most 56 parity fragments (maxParityFragments 56, k + m <= 256), so it must be in 0..0.5600",
                "above 1 | 1.5 | 1400 | 65536 | fecOverhead is 1.5; it must be in 0..1",
                "negative | -0.1 | 1400 | 65536 | fecOverhead is -0.1; it must be in 0..1"
            })
    void overheadsTheBatchCannotCarryAreRefusedNamingValueAndAllowedRange(
            String name, double overhead, int fragment, int batch, String message) {
        assertThatThrownBy(() -> SenderConfig.create(
                        TO, b -> b.fecOverhead(overhead).fragmentBytes(fragment).maxBatchBytes(batch)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aSingleLargeRecordIsCutToTheBatchWhoseParityStillFits() {
        var c = SenderConfig.create(TO, b -> b.fecOverhead(0.5));
        // k = 112 needs 56 parity, 113 would need 57
        assertThat(c.maxDataFragments()).isEqualTo(112);
        var encoder = new BatchEncoder(c);
        assertThat(encoder.maxRecordPayload()).isLessThan(113 * 1400);
    }

    @Test
    void shardsAreAMultipleOf8Bytes() {
        assertThat(SenderConfig.create(TO, b -> b.fragmentBytes(8972)).shardUnit())
                .isEqualTo(8968);
        assertThat(SenderConfig.defaults(TO).shardUnit()).isEqualTo(1400);
    }

    @ParameterizedTest(name = "MTU {0} carries {1}-byte fragments")
    @CsvSource({"1500, 1416", "9000, 8920", "65535, 65448", "148, 64"})
    void theFragmentSizeForAnMtuIsTheLargestWhoseDatagramIsOneIpPacket(int mtu, int fragment) {
        int bytes = SenderConfig.fragmentBytesForMtu(mtu);

        assertThat(bytes).isEqualTo(fragment).isEqualTo(bytes & ~7);
        int datagram = FrameCodec.FRAGMENT_OVERHEAD + bytes + SenderConfig.IPV4_UDP_HEADERS;
        assertThat(datagram).isLessThanOrEqualTo(mtu).isGreaterThan(mtu - 8);
    }

    @Test
    void anMtuTooSmallForAFragmentOrAboveTheIpLimitIsRefused() {
        assertThatThrownBy(() -> SenderConfig.fragmentBytesForMtu(143))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mtu is 143; it must be in 144..65535");
        assertThatThrownBy(() -> SenderConfig.fragmentBytesForMtu(65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mtu is 65536; it must be in 144..65535");
    }
}
