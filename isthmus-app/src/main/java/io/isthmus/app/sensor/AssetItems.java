package io.isthmus.app.sensor;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.MacAddress;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.observe.inventory.AssetLink;
import io.isthmus.observe.inventory.InventoryAsset;
import io.isthmus.observe.inventory.InventorySnapshot;
import io.isthmus.policy.Policy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** The JSON items of {@code /api/assets} and {@code /api/assets/{id}} (docs/api.md). */
final class AssetItems {
    private final InventorySnapshot snapshot;
    private final Optional<Policy> policy;
    private final Function<AssetId, Long> alertCount;

    AssetItems(InventorySnapshot snapshot, Optional<Policy> policy, Function<AssetId, Long> alertCount) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.alertCount = alertCount;
    }

    /** The page the query asks for, with the total that matched. */
    Map<String, Object> list(AssetQuery q) {
        List<InventoryAsset> matched = snapshot.assets().stream()
                .filter(a -> matches(a, q))
                .sorted(order(q))
                .toList();
        List<Map<String, Object>> items = matched.stream()
                .skip(q.offset())
                .limit(q.limit())
                .map(this::item)
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", matched.size());
        out.put("limit", q.limit());
        out.put("offset", q.offset());
        return out;
    }

    Optional<InventoryAsset> find(String id) {
        return snapshot.assets().stream().filter(a -> a.id().value().equals(id)).findFirst();
    }

    private boolean matches(InventoryAsset a, AssetQuery q) {
        Asset s = a.asset();
        if (q.role().isPresent() && s.role() != q.role().get()) {
            return false;
        }
        if (q.noLevel() && s.purdueLevel().isPresent()) {
            return false;
        }
        if (q.level().isPresent() && !s.purdueLevel().equals(q.level())) {
            return false;
        }
        if (q.text().isEmpty()) {
            return true;
        }
        String t = q.text().get();
        List<String> fields =
                new ArrayList<>(List.of(a.id().value(), a.label(), s.role().name()));
        s.ips().forEach(ip -> fields.add(IpLiteral.format(ip)));
        s.identity().vendor().ifPresent(fields::add);
        s.identity().model().ifPresent(fields::add);
        a.ouiVendor().ifPresent(fields::add);
        return fields.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(t));
    }

    private static Comparator<InventoryAsset> order(AssetQuery q) {
        Comparator<InventoryAsset> c = switch (q.sort()) {
            case NAME -> Comparator.comparing(InventoryAsset::label, String.CASE_INSENSITIVE_ORDER);
            case IP -> Comparator.comparing(AssetItems::firstIp, AssetItems::compareIp);
            case LEVEL ->
                Comparator.comparingDouble(
                        a -> a.asset().purdueLevel().map(PurdueLevel::value).orElse(Double.MAX_VALUE));
            case LAST_SEEN -> Comparator.comparing(a -> a.asset().lastSeen());
        };
        c = c.thenComparing(a -> a.id().value());
        return q.descending() ? c.reversed() : c;
    }

    private static Optional<InetAddress> firstIp(InventoryAsset a) {
        return a.asset().ips().stream().min(AssetItems::compareAddress);
    }

    private static int compareIp(Optional<InetAddress> x, Optional<InetAddress> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return Boolean.compare(x.isEmpty(), y.isEmpty());
        }
        return compareAddress(x.get(), y.get());
    }

    private static int compareAddress(InetAddress x, InetAddress y) {
        byte[] a = x.getAddress();
        byte[] b = y.getAddress();
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** One asset as a list item. */
    Map<String, Object> item(InventoryAsset a) {
        Asset s = a.asset();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("name", a.label());
        m.put(
                "ips",
                s.ips().stream()
                        .sorted(AssetItems::compareAddress)
                        .map(IpLiteral::format)
                        .toList());
        m.put(
                "mac",
                s.macs().stream().sorted().findFirst().map(MacAddress::toString).orElse(null));
        m.put("vendor", s.identity().vendor().or(a::ouiVendor).orElse(null));
        m.put("model", s.identity().model().orElse(null));
        m.put("firmware", s.identity().firmware().orElse(null));
        m.put("serial", s.identity().serial().orElse(null));
        m.put("role", s.role().name());
        m.put("roleEvidence", a.roleEvidence());
        m.put("level", s.purdueLevel().map(PurdueLevel::toString).orElse(null));
        m.put("levelConfidence", a.levelConfidence().name());
        m.put("zone", zone(s).orElse(null));
        m.put("protocols", s.protocols().stream().map(Protocol::id).sorted().toList());
        m.put("peers", a.peerCount());
        m.put("firstSeen", s.firstSeen().toString());
        m.put("lastSeen", s.lastSeen().toString());
        m.put("alerts", alertCount.apply(a.id()));
        return m;
    }

    /** The zone the overrides give, else the policy's zone of its first address. */
    Optional<String> zone(Asset s) {
        if (s.zone().isPresent() || policy.isEmpty()) {
            return s.zone();
        }
        return s.ips().stream()
                .sorted(AssetItems::compareAddress)
                .map(ip -> policy.get().zoneOf(ip))
                .flatMap(Optional::stream)
                .map(z -> z.name())
                .findFirst();
    }

    /** Its peers with what they exchange: links in both directions, summed per peer. */
    List<Map<String, Object>> peers(InventoryAsset a) {
        Map<AssetId, long[]> volume = new TreeMap<>(Comparator.comparing(AssetId::value));
        Map<AssetId, TreeSet<String>> services = new TreeMap<>(Comparator.comparing(AssetId::value));
        for (AssetLink l : snapshot.links()) {
            AssetId peer = l.client().equals(a.id()) ? l.server() : l.server().equals(a.id()) ? l.client() : null;
            if (peer == null) {
                continue;
            }
            long[] v = volume.computeIfAbsent(peer, k -> new long[2]);
            v[0] += l.packets();
            v[1] += l.bytes();
            services.computeIfAbsent(peer, k -> new TreeSet<>()).add(l.service().label());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        volume.forEach((peer, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", peer.value());
            m.put("name", snapshot.asset(peer).map(InventoryAsset::label).orElse(peer.value()));
            m.put("protocols", List.copyOf(services.get(peer)));
            m.put("packets", v[0]);
            m.put("bytes", v[1]);
            out.add(m);
        });
        return out;
    }
}
