package io.isthmus.observe.inventory;

import io.isthmus.model.AssetId;
import java.util.List;
import java.util.Optional;

/**
 * The inventory at one moment: assets in id order, links in (client, server, service) order, and
 * the counters that say what did not fit.
 *
 * @param evictedAssets assets dropped because {@link InventoryLimits#maxAssets} was reached
 * @param evictedLinks links dropped because {@link InventoryLimits#maxLinks} was reached
 * @param ouiSource where vendor names came from
 */
public record InventorySnapshot(
        List<InventoryAsset> assets, List<AssetLink> links, long evictedAssets, long evictedLinks, String ouiSource) {
    public InventorySnapshot {
        assets = List.copyOf(assets);
        links = List.copyOf(links);
    }

    public Optional<InventoryAsset> asset(AssetId id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
