package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded (issue 5, Performance): 100,000 assets and 1,000,000 flows go in, at most
 * the limits stay, every eviction is counted. Counts only; time goes to benchmarks.
 */
class InventoryBoundsTest {
    private static final MessageSummary READ =
            MessageSummary.of(Protocol.MODBUS, Direction.REQUEST, 3, "Read Holding Registers", AccessKind.READ);

    private static FlowSummary flow(int client, int server, int port) {
        return new FlowSummary(
                null,
                6,
                IpAddress.ofIpv4(client),
                IpAddress.ofIpv4(server),
                40_000,
                port,
                -1,
                -1,
                Optional.empty(),
                0,
                1_000,
                2,
                2,
                100,
                100);
    }

    @Test
    void aHundredThousandAssetsStayWithinMaxAssetsAndEvictionsAreCounted() {
        var limits = new InventoryLimits(10_000, 20_000, 16, 24, 4);
        Inventory inv = new Inventory(limits, Captures.oui(), InventoryOverrides.NONE);
        IpAddress plc = IpAddress.ofIpv4(0x0A00_0001);
        for (int i = 0; i < 100_000; i++) {
            IpAddress scanner = IpAddress.ofIpv4(0x0B00_0000 + i);
            inv.observe(new Observation(
                    Optional.empty(),
                    i * 1_000L,
                    Optional.of(scanner),
                    Optional.of(plc),
                    40_000,
                    502,
                    -1,
                    -1,
                    -1,
                    READ));
        }
        assertThat(inv.assetCount()).isEqualTo(10_000);
        // every observation touches the PLC, so it is never the least recently seen and stays
        assertThat(inv.evictedAssets()).isEqualTo(100_000 + 1 - 10_000);
        InventorySnapshot s = inv.snapshot();
        assertThat(s.assets()).hasSize(10_000);
        assertThat(s.asset(io.isthmus.model.AssetId.of(plc.toInetAddress()))).isPresent();
        assertThat(s.links())
                .allMatch(l ->
                        s.asset(l.client()).isPresent() && s.asset(l.server()).isPresent());
    }

    @Test
    void aMillionFlowsStayWithinMaxLinksAndEvictionsAreCounted() {
        var limits = new InventoryLimits(100_000, 50_000, 16, 24, 4);
        Inventory inv = new Inventory(limits, Captures.oui(), InventoryOverrides.NONE);
        for (int i = 0; i < 1_000_000; i++) {
            // 1,000 clients x 1,000 servers... spread over ports so that every flow is its own link
            inv.flow(flow(0x0A00_0000 + i % 1_000, 0x0C00_0000 + (i / 1_000) % 100, 1 + i / 100_000 + (i % 7)));
        }
        assertThat(inv.assetCount()).isEqualTo(1_100);
        assertThat(inv.linkCount()).isLessThanOrEqualTo(50_000);
        assertThat(inv.linkCount() + inv.evictedLinks()).isGreaterThan(50_000);
        assertThat(inv.evictedAssets()).isZero();
        assertThat(inv.snapshot().links()).hasSize(inv.linkCount());
    }
}
