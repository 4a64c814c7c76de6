package io.isthmus.observe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.inventory.InventoryLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The logic of the memory bound at small limits: far more flows and assets than the flow table,
 * the inventory and detection may hold all go through, every table stays at its limit and counts
 * what it evicted, and nothing is lost on the way (every request is inspected). {@link
 * MemoryBound#main} runs the same at 1,000,000 flows and 100,000 assets under a fixed heap.
 */
class MemoryBoundTest {

    @Test
    void everyTableStaysWithinItsLimitAndCountsWhatItEvicts() throws Exception {
        FlowLimits flows = new FlowLimits(
                64,
                Duration.ofMinutes(5),
                256 * 1024,
                128L * 1024 * 1024,
                1024,
                1024,
                65_535,
                256,
                Duration.ofSeconds(30));
        InventoryLimits inventory = new InventoryLimits(100, 150, 16, 24, 4);
        DetectionLimits detection = new DetectionLimits(50, 8, 200, 1000, 100, 10, Duration.ofSeconds(60));

        // 5,000 flows (10 s of capture time) from 1,000 clients to 16 servers; learn the first 2 s
        MemoryBound.Result r = MemoryBound.run(5_000, 1_000, flows, inventory, detection, Duration.ofSeconds(2), 0);

        assertThat(r.observations()).isEqualTo(10_000);
        assertThat(r.flows().flowsCreated()).isEqualTo(5_000);
        assertThat(r.flows().flowsEvicted() + r.flows().flowsExpired()).isGreaterThan(4_000);
        assertThat(r.flows().flowsActive()).isLessThanOrEqualTo(64);
        assertThat(r.assetsHeld()).isLessThanOrEqualTo(100);
        assertThat(r.assetsEvicted()).isGreaterThanOrEqualTo(1_016 - 100);
        assertThat(r.linksEvicted()).isGreaterThan(0);
        assertThat(r.detection().requests()).isEqualTo(5_000);
        assertThat(r.detection().learned()).isEqualTo(1_000);
        assertThat(r.baselinePairs()).isEqualTo(200);
        assertThat(r.detection().baselineDropped()).isEqualTo(800);
        assertThat(r.detection().alerts()).isEqualTo(50);
        // flow i pairs client i % 1000 with server i % 16: 2,000 distinct pairs, repeating every 2,000
        // flows. The baseline keeps the pairs of flows 0-199, so of the 4,000 flows after the window
        // the 400 that repeat them (2000-2199, 4000-4199) are known and 3,600 are new pairs. With
        // room for 50 alerts, each new pair comes back only after its alert was evicted: 3,600
        // alerts raised, all but the last 50 evicted.
        assertThat(r.detection().findings()).isEqualTo(3_600);
        assertThat(r.detection().alertsEvicted()).isEqualTo(3_600 - 50);
    }
}
