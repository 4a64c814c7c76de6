package io.isthmus.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.observe.inventory.LevelConfidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path tmp;

    private static InventoryAsset plc() {
        Asset a = new Asset(
                AssetId.of(IpLiteral.parse("10.0.0.2")),
                Set.of(MacAddress.parse("00:0e:8c:d0:f9:cb")),
                Set.of(IpLiteral.parse("10.0.0.2")),
                new Asset.Identity(
                        Optional.of("Siemens"),
                        Optional.of("6ES7 315-2EH14-0AB0"),
                        Optional.of("V3.2.7"),
                        Optional.empty()),
                AssetRole.PLC,
                Optional.of(PurdueLevel.LEVEL_1),
                Optional.of("cell-1"),
                Set.of(Protocol.S7COMM),
                T0,
                T0.plusSeconds(60));
        return new InventoryAsset(
                a,
                Optional.of("PLC 1"),
                Optional.of("Siemens AG"),
                List.of("firmware V3.2.7 from S7 SZL"),
                List.of("answers S7comm on port 102 to 1 client"),
                LevelConfidence.HIGH,
                "the usual level of a PLC",
                List.of(),
                0,
                Map.of("order_number", "6ES7 315-2EH14-0AB0"));
    }

    @Test
    void anInventoryReadsBackAsTheSameModelAssets() throws IOException {
        InventorySnapshot s = new InventorySnapshot(List.of(plc()), List.of(), 0, 0, "test");
        Path f = tmp.resolve("inventory.json");
        InventoryJson.write(f, InventoryJson.of(s, T0));
        assertThat(InventoryJson.readAssets(f)).containsExactly(plc().asset());
        assertThat(Files.readString(f))
                .contains("\"levelConfidence\" : \"HIGH\"")
                .doesNotContain("null");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "not json",
                "{\"version\": 2, \"assets\": []}",
                "{\"version\": 1}",
                "{\"version\": 1, \"assets\": [{\"id\": \"ip:10.0.0.1\"}]}",
                "{\"version\": 1, \"assets\": [{\"id\": \"x\", \"role\": \"BOSS\", \"firstSeen\": \"2026-01-01T00:00:00Z\","
                        + " \"lastSeen\": \"2026-01-01T00:00:00Z\"}]}",
                "{\"version\": 1, \"assets\": [{\"id\": \"x\", \"macs\": [\"zz\"], \"firstSeen\": \"2026-01-01T00:00:00Z\","
                        + " \"lastSeen\": \"2026-01-01T00:00:00Z\"}]}",
                "{\"version\": 1, \"assets\": [{\"id\": \"x\", \"firstSeen\": \"2026-01-02T00:00:00Z\","
                        + " \"lastSeen\": \"2026-01-01T00:00:00Z\"}]}",
                "{\"version\": 1, \"assets\": [null]}"
            })
    void aFileThatIsNotAnInventoryIsRefusedWithItsName(String text) throws IOException {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, text);
        assertThatThrownBy(() -> InventoryJson.readAssets(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f.toString());
    }
}
