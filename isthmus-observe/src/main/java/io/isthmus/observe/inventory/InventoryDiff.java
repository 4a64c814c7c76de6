package io.isthmus.observe.inventory;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.Event;
import io.isthmus.model.EventKind;
import io.isthmus.model.Evidence;
import io.isthmus.model.IpLiteral;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between a previous inventory and this one, as events (issue 5, item 1): a new asset,
 * a changed one (identity, role, level, addresses, protocols) and a vanished one, matched by {@link
 * AssetId}. First and last seen are not changes. A changed model, firmware or serial is MEDIUM (a
 * replaced or reflashed device is worth a look); everything else is LOW.
 */
public final class InventoryDiff {
    private InventoryDiff() {}

    /** The events, new assets first, then changed, then vanished, each in id order. */
    public static List<Event> compare(Collection<Asset> before, Collection<Asset> after, Instant at) {
        Map<AssetId, Asset> old = byId(before);
        Map<AssetId, Asset> now = byId(after);
        List<Event> out = new ArrayList<>();
        now.values().stream().filter(a -> !old.containsKey(a.id())).forEach(a -> out.add(added(a, at)));
        now.values().stream()
                .filter(a -> old.containsKey(a.id()))
                .forEach(a -> changed(old.get(a.id()), a, at).ifPresent(out::add));
        old.values().stream().filter(a -> !now.containsKey(a.id())).forEach(a -> out.add(vanished(a, at)));
        return out;
    }

    private static Map<AssetId, Asset> byId(Collection<Asset> assets) {
        Map<AssetId, Asset> m = new TreeMap<>((x, y) -> x.value().compareTo(y.value()));
        assets.forEach(a -> m.put(a.id(), a));
        return m;
    }

    private static Event added(Asset a, Instant at) {
        Evidence e = describe(Evidence.of("first seen " + a.firstSeen() + ", not in the previous inventory"), a);
        return new Event(
                at,
                EventKind.NETWORK_ALERT,
                Severity.LOW,
                "New asset " + a.id() + " (" + a.role() + ")",
                List.of(a.id()),
                List.of(),
                e);
    }

    private static Event vanished(Asset a, Instant at) {
        Evidence e = describe(
                Evidence.of("in the previous inventory (last seen " + a.lastSeen() + "), not seen in this one"), a);
        return new Event(
                at,
                EventKind.NETWORK_ALERT,
                Severity.LOW,
                "Asset vanished: " + a.id() + " (" + a.role() + ")",
                List.of(a.id()),
                List.of(),
                e);
    }

    private static Optional<Event> changed(Asset was, Asset is, Instant at) {
        Map<String, String[]> diffs = new LinkedHashMap<>();
        compare(diffs, "vendor", was, is, a -> a.identity().vendor().orElse(""));
        compare(diffs, "model", was, is, a -> a.identity().model().orElse(""));
        compare(diffs, "firmware", was, is, a -> a.identity().firmware().orElse(""));
        compare(diffs, "serial", was, is, a -> a.identity().serial().orElse(""));
        compare(diffs, "role", was, is, a -> a.role().name());
        compare(
                diffs,
                "level",
                was,
                is,
                a -> a.purdueLevel().map(PurdueLevel::toString).orElse(""));
        compare(diffs, "zone", was, is, a -> a.zone().orElse(""));
        compare(
                diffs,
                "ips",
                was,
                is,
                a -> sorted(a.ips().stream().map(IpLiteral::format).toList()));
        compare(
                diffs,
                "macs",
                was,
                is,
                a -> sorted(a.macs().stream().map(Object::toString).toList()));
        compare(
                diffs,
                "protocols",
                was,
                is,
                a -> sorted(a.protocols().stream().map(p -> p.id()).toList()));
        if (diffs.isEmpty()) {
            return Optional.empty();
        }
        boolean identity = diffs.containsKey("model") || diffs.containsKey("firmware") || diffs.containsKey("serial");
        List<Evidence.Fact> facts = new ArrayList<>();
        facts.add(new Evidence.Fact("asset", is.id().value()));
        diffs.forEach((field, v) -> {
            facts.add(new Evidence.Fact(field + "_before", v[0]));
            facts.add(new Evidence.Fact(field + "_after", v[1]));
        });
        String summary = "changed since the previous inventory: " + String.join(", ", diffs.keySet());
        return Optional.of(new Event(
                at,
                EventKind.NETWORK_ALERT,
                identity ? Severity.MEDIUM : Severity.LOW,
                "Asset changed: " + is.id() + " (" + String.join(", ", diffs.keySet()) + ")",
                List.of(is.id()),
                List.of(),
                new Evidence(summary, facts)));
    }

    private static void compare(
            Map<String, String[]> diffs, String field, Asset was, Asset is, Function<Asset, String> value) {
        String a = value.apply(was);
        String b = value.apply(is);
        if (!Objects.equals(a, b)) {
            diffs.put(field, new String[] {a, b});
        }
    }

    private static String sorted(List<String> values) {
        return values.stream().sorted().collect(Collectors.joining(" "));
    }

    private static Evidence describe(Evidence e, Asset a) {
        return e.with("asset", a.id().value())
                .with("role", a.role().name())
                .with("ips", sorted(a.ips().stream().map(IpLiteral::format).toList()))
                .with("macs", sorted(a.macs().stream().map(Object::toString).toList()))
                .with("vendor", a.identity().vendor().orElse(""))
                .with("model", a.identity().model().orElse(""))
                .with("firmware", a.identity().firmware().orElse(""));
    }
}
