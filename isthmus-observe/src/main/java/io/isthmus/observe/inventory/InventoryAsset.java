package io.isthmus.observe.inventory;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One asset of an inventory snapshot: the model {@link Asset} plus what a person needs to trust it.
 *
 * @param name a name the device reports (S7 module name, PROFINET station name) or an operator gave
 * @param ouiVendor the organisation the IEEE assigned the asset's first MAC's OUI to
 * @param identityEvidence where each identity part came from ({@code "firmware V3.2.7 from S7 SZL"})
 * @param roleEvidence why the role was chosen ({@code "answers Modbus/TCP on port 502 to 2 clients"})
 * @param levelReason why the level was chosen
 * @param peers assets it talks to, by id (at most {@link Inventory#MAX_PEERS_LISTED})
 * @param peerCount how many peers it has in all
 * @param identityAttributes the protocol identity attributes as the dissectors named them
 */
public record InventoryAsset(
        Asset asset,
        Optional<String> name,
        Optional<String> ouiVendor,
        List<String> identityEvidence,
        List<String> roleEvidence,
        LevelConfidence levelConfidence,
        String levelReason,
        List<AssetId> peers,
        int peerCount,
        Map<String, String> identityAttributes) {

    public InventoryAsset {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ouiVendor, "ouiVendor");
        identityEvidence = List.copyOf(identityEvidence);
        roleEvidence = List.copyOf(roleEvidence);
        Objects.requireNonNull(levelConfidence, "levelConfidence");
        Objects.requireNonNull(levelReason, "levelReason");
        peers = List.copyOf(peers);
        identityAttributes = Map.copyOf(identityAttributes);
    }

    public AssetId id() {
        return asset.id();
    }

    /** A short label for tables and the map: the name, else the first IP, else the id. */
    public String label() {
        return name.orElseGet(() -> asset.ips().stream()
                .map(io.isthmus.model.IpLiteral::format)
                .sorted()
                .findFirst()
                .orElse(asset.id().value()));
    }
}
