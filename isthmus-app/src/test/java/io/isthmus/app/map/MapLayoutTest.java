package io.isthmus.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.observe.inventory.Inventory;
import io.isthmus.observe.inventory.InventoryLimits;
import io.isthmus.observe.inventory.InventoryOverrides;
import io.isthmus.observe.inventory.OuiRegistry;
import io.isthmus.observe.session.FlowSummary;
import io.isthmus.observe.session.Observation;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lanes follow the Purdue levels top to bottom and every box sits inside its own lane. */
class MapLayoutTest {

    private static IpAddress ip(int last) {
        return IpAddress.ofIpv4(0x0A00_0000 + last);
    }

    private static Observation obs(int src, int dst, int sport, int dport, Direction d, int fc, AccessKind k) {
        MessageSummary m = MessageSummary.of(Protocol.MODBUS, d, fc, "fc" + fc, k);
        return new Observation(
                Optional.empty(), 0, Optional.of(ip(src)), Optional.of(ip(dst)), sport, dport, -1, -1, -1, m);
    }

    @Test
    void assetsSitInTheLaneOfTheirLevelFromEnterpriseDownToControl() throws IOException {
        Inventory inv = new Inventory(InventoryLimits.DEFAULT, OuiRegistry.bundled(), InventoryOverrides.NONE);
        for (int plc = 10; plc < 14; plc++) {
            inv.observe(obs(1, plc, 40000, 502, Direction.REQUEST, 6, AccessKind.WRITE));
            inv.observe(obs(plc, 1, 502, 40000, Direction.RESPONSE, 6, AccessKind.WRITE));
            inv.observe(obs(2, plc, 40001, 502, Direction.REQUEST, 3, AccessKind.READ));
        }
        inv.observe(obs(2, 10, 40001, 502, Direction.REQUEST, 3, AccessKind.READ));
        inv.observe(obs(2, 11, 40001, 502, Direction.REQUEST, 3, AccessKind.READ));
        inv.flow(new FlowSummary(null, 6, ip(50), ip(2), 50000, 443, -1, -1, Optional.empty(), 0, 1, 1, 1, 10, 10));
        NetworkMap map = MapLayout.layout(inv.snapshot());

        assertThat(map.lanes()).extracting(NetworkMap.Lane::level).containsExactly("L4", "L3", "L2", "L1");
        Map<String, NetworkMap.Lane> lanes =
                map.lanes().stream().collect(Collectors.toMap(NetworkMap.Lane::level, l -> l));
        for (NetworkMap.Node n : map.nodes()) {
            NetworkMap.Lane lane = lanes.get(n.level());
            assertThat(lane.horizontal()).isTrue();
            assertThat(n.y()).as(n.id()).isGreaterThanOrEqualTo(lane.start());
            assertThat(n.y() + n.height()).as(n.id()).isLessThanOrEqualTo(lane.start() + lane.size());
            assertThat(n.x()).isGreaterThanOrEqualTo(MapLayout.LANE_TITLE_WIDTH);
        }
        assertThat(map.nodes()).hasSize(7);
        assertThat(map.edges()).hasSize(4 + 4 + 1);
        NetworkMap.Edge write = map.edges().stream()
                .filter(e -> e.source().equals("ip:10.0.0.1"))
                .findFirst()
                .orElseThrow();
        assertThat(write.access()).containsExactly("write");
        assertThat(write.protocols()).containsExactly("modbus");
        assertThat(write.points().size()).isGreaterThanOrEqualTo(2);
        assertThat(MapSvg.colourKey(write)).isEqualTo("write");
        assertThat(map.width()).isPositive();
        assertThat(map.height()).isPositive();
    }

    @Test
    void withMoreThanEightAssetsInALevelTheLanesBecomeColumnsAndEveryBoxStaysInItsColumn() throws IOException {
        Inventory inv = new Inventory(InventoryLimits.DEFAULT, OuiRegistry.bundled(), InventoryOverrides.NONE);
        for (int plc = 10; plc < 30; plc++) {
            inv.observe(obs(1, plc, 40000, 502, Direction.REQUEST, 3, AccessKind.READ));
            inv.observe(obs(plc, 1, 502, 40000, Direction.RESPONSE, 3, AccessKind.READ));
        }
        inv.observe(obs(1, 10, 40000, 502, Direction.REQUEST, 6, AccessKind.WRITE));
        inv.observe(new Observation(
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0x080006_000001L,
                -1,
                -1,
                MessageSummary.of(Protocol.PN_DCP, Direction.RESPONSE, 5, "Identify", AccessKind.DISCOVERY)));
        NetworkMap map = MapLayout.layout(inv.snapshot());
        assertThat(map.lanes()).extracting(NetworkMap.Lane::level).containsExactly("L2", "L1", "none");
        Map<String, NetworkMap.Lane> lanes =
                map.lanes().stream().collect(Collectors.toMap(NetworkMap.Lane::level, l -> l));
        for (NetworkMap.Node n : map.nodes()) {
            NetworkMap.Lane lane = lanes.get(n.level());
            assertThat(lane.horizontal()).isFalse();
            assertThat(n.x()).as(n.id()).isGreaterThanOrEqualTo(lane.start());
            assertThat(n.x() + n.width()).as(n.id()).isLessThanOrEqualTo(lane.start() + lane.size());
        }
        assertThat(map.height()).isGreaterThan(map.width());
    }

    @Test
    void anEmptyInventoryIsAnEmptyMap() {
        var empty = new io.isthmus.observe.inventory.InventorySnapshot(List.of(), List.of(), 0, 0, "none");
        NetworkMap map = MapLayout.layout(empty);
        assertThat(map.nodes()).isEmpty();
        assertThat(MapSvg.render(map)).startsWith("<?xml").endsWith("</svg>\n");
    }
}
