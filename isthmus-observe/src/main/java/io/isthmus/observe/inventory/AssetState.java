package io.isthmus.observe.inventory;

import io.isthmus.model.AssetId;
import io.isthmus.model.Protocol;
import io.isthmus.wire.packet.IpAddress;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the inventory has learnt about one asset so far; mutable, owned by {@link Inventory}. */
final class AssetState {
    final AssetId id;
    final Set<IpAddress> ips = new LinkedHashSet<>(2);
    final Set<Long> macs = new LinkedHashSet<>(2);
    final Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
    /** vendor, model, firmware, serial, name: the first report of each wins. */
    final Map<String, String> identity = new LinkedHashMap<>();
    /** The source of each identity part ("S7 SZL"). */
    final Map<String, String> identitySources = new LinkedHashMap<>();

    final Map<String, String> rawIdentity = new LinkedHashMap<>();
    final boolean router;
    long firstNanos;
    long lastNanos;
    boolean evicted;

    AssetState(AssetId id, long at, boolean router) {
        this.id = id;
        this.firstNanos = at;
        this.lastNanos = at;
        this.router = router;
    }

    void seen(long at) {
        firstNanos = Math.min(firstNanos, at);
        lastNanos = Math.max(lastNanos, at);
    }

    void claim(IdentityClaim c, int maxAttributes) {
        c.parts().forEach((part, value) -> {
            if (identity.putIfAbsent(part, value) == null) {
                identitySources.put(part, c.source());
            }
        });
        for (var e : c.raw().entrySet()) {
            if (rawIdentity.size() >= maxAttributes) {
                break;
            }
            rawIdentity.putIfAbsent(e.getKey(), e.getValue());
        }
    }
}
