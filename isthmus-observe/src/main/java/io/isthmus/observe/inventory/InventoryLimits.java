package io.isthmus.observe.inventory;

/**
 * Bounds of an {@link Inventory}. A scan or spoofed sources can make up any number of addresses;
 * the inventory keeps the most recently seen assets and links and counts what it evicts.
 *
 * @param maxAssets assets held; the least recently seen is evicted beyond it
 * @param maxLinks client/server/service links held; the least recently used is evicted beyond it
 * @param maxAddressesPerAsset IPs and MACs kept per asset (each)
 * @param maxIdentityAttributes identity attributes kept per asset (first reported wins)
 * @param routerThreshold distinct IP addresses seen behind one MAC before that MAC is taken for a
 *     router or gateway rather than the interface of one host
 */
public record InventoryLimits(
        int maxAssets, int maxLinks, int maxAddressesPerAsset, int maxIdentityAttributes, int routerThreshold) {

    /** 50,000 assets, 200,000 links (a few hundred bytes each), 16 addresses, 24 attributes, 4 IPs. */
    public static final InventoryLimits DEFAULT = new InventoryLimits(50_000, 200_000, 16, 24, 4);

    public InventoryLimits {
        positive("maxAssets", maxAssets);
        positive("maxLinks", maxLinks);
        positive("maxAddressesPerAsset", maxAddressesPerAsset);
        positive("maxIdentityAttributes", maxIdentityAttributes);
        if (routerThreshold < 2) {
            throw new IllegalArgumentException("routerThreshold must be at least 2, got " + routerThreshold);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
