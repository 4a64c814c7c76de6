package io.isthmus.observe.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The operator's corrections, in file order: the first override that matches an asset wins. Bound
 * from YAML in the app ({@code --levels FILE}, docs/inventory.md).
 */
public record InventoryOverrides(List<AssetOverride> overrides) {
    public static final InventoryOverrides NONE = new InventoryOverrides(List.of());

    public InventoryOverrides {
        overrides = List.copyOf(overrides);
    }

    Optional<AssetOverride> match(AssetState a) {
        return overrides.stream().filter(o -> o.matches(a)).findFirst();
    }
}
