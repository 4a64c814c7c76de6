package io.isthmus.observe.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.Event;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    private static Asset plc(String ip, String firmware) {
        return Asset.firstSeen(AssetId.of(IpLiteral.parse(ip)), T0)
                .withIp(IpLiteral.parse(ip))
                .withRole(AssetRole.PLC)
                .withIdentity(new Asset.Identity(
                        Optional.of("Siemens"),
                        Optional.of("6ES7 315-2EH14-0AB0"),
                        Optional.of(firmware),
                        Optional.empty()));
    }

    @Test
    void newChangedAndVanishedAssetsBecomeOneEventEach() {
        List<Asset> before = List.of(plc("10.0.0.1", "V3.2.7"), plc("10.0.0.2", "V3.2.7"));
        List<Asset> after = List.of(plc("10.0.0.1", "V3.3.0"), plc("10.0.0.3", "V3.2.7"));
        List<Event> events = InventoryDiff.compare(before, after, NOW);
        assertThat(events)
                .extracting(Event::title)
                .containsExactly(
                        "New asset ip:10.0.0.3 (PLC)",
                        "Asset changed: ip:10.0.0.1 (firmware)",
                        "Asset vanished: ip:10.0.0.2 (PLC)");
        Event changed = events.get(1);
        assertThat(changed.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(changed.evidence().fact("firmware_before")).contains("V3.2.7");
        assertThat(changed.evidence().fact("firmware_after")).contains("V3.3.0");
        assertThat(changed.assets()).containsExactly(AssetId.of(IpLiteral.parse("10.0.0.1")));
        assertThat(events.get(0).evidence().fact("model")).contains("6ES7 315-2EH14-0AB0");
        assertThat(events).allMatch(e -> e.time().equals(NOW));
    }

    @Test
    void lastSeenAloneIsNoChange() {
        Asset a = plc("10.0.0.1", "V1");
        assertThat(InventoryDiff.compare(List.of(a), List.of(a.seenAt(NOW)), NOW))
                .isEmpty();
    }

    @Test
    void aRoleChangeIsLow() {
        Asset a = plc("10.0.0.1", "V1");
        List<Event> e = InventoryDiff.compare(List.of(a), List.of(a.withRole(AssetRole.HMI)), NOW);
        assertThat(e).singleElement().satisfies(ev -> {
            assertThat(ev.severity()).isEqualTo(Severity.LOW);
            assertThat(ev.evidence().fact("role_after")).contains("HMI");
        });
    }
}
