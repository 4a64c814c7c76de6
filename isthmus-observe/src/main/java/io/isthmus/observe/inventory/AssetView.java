package io.isthmus.observe.inventory;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.MacAddress;
import io.isthmus.model.PurdueLevel;
import io.isthmus.wire.packet.IpAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the inventory's mutable state into snapshot records, deciding role, level and vendor. */
final class AssetView {
    private AssetView() {}

    static InventoryAsset of(
            AssetState a,
            List<LinkState> asClient,
            List<LinkState> asServer,
            Set<AssetId> peers,
            OuiRegistry oui,
            Optional<AssetOverride> override) {
        RoleRules.Verdict verdict = RoleRules.decide(a, asClient, asServer);
        AssetRole role = override.flatMap(AssetOverride::role).orElse(verdict.role());
        List<String> roleEvidence = new ArrayList<>(verdict.evidence());
        if (override.flatMap(AssetOverride::role).isPresent() && role != verdict.role()) {
            roleEvidence.addFirst("set by the overrides file (traffic suggests " + verdict.role() + ")");
        }
        Optional<PurdueLevel> level;
        LevelConfidence confidence;
        String reason;
        if (override.flatMap(AssetOverride::level).isPresent()) {
            level = override.get().level();
            confidence = LevelConfidence.CONFIGURED;
            reason = "set by the overrides file";
        } else if (role == AssetRole.IT_HOST) {
            level = Optional.of(PurdueLevel.LEVEL_4);
            confidence = LevelConfidence.LOW;
            reason = "no industrial traffic: assumed on the enterprise side";
        } else {
            level = role.typicalLevel();
            confidence = level.isPresent() ? verdict.confidence() : LevelConfidence.NONE;
            reason = level.isPresent()
                    ? "the usual level of a " + role
                            + (confidence == LevelConfidence.CONFIGURED
                                    ? ""
                                    : ", role " + confidence.name().toLowerCase(java.util.Locale.ROOT) + " confidence")
                    : "no usual level for " + role;
        }
        Set<MacAddress> macs = new LinkedHashSet<>();
        a.macs.forEach(m -> macs.add(new MacAddress(m)));
        Set<InetAddress> ips = new LinkedHashSet<>();
        a.ips.forEach(ip -> ips.add(ip.toInetAddress()));
        Optional<String> ouiVendor =
                macs.stream().map(oui::vendor).flatMap(Optional::stream).findFirst();
        Optional<String> vendor = part(a, "vendor").or(() -> ouiVendor);
        Asset asset = new Asset(
                a.id,
                macs,
                ips,
                new Asset.Identity(vendor, part(a, "model"), part(a, "firmware"), part(a, "serial")),
                role,
                level,
                override.flatMap(AssetOverride::zone),
                a.protocols,
                instant(a.firstNanos),
                instant(a.lastNanos));
        List<String> identityEvidence = new ArrayList<>();
        a.identity.forEach((k, v) -> identityEvidence.add(k + " " + v + " from " + a.identitySources.get(k)));
        ouiVendor.ifPresent(v -> identityEvidence.add("MAC vendor " + v + " from the IEEE OUI registry"));
        List<AssetId> listed = peers.stream()
                .sorted((x, y) -> x.value().compareTo(y.value()))
                .limit(Inventory.MAX_PEERS_LISTED)
                .toList();
        return new InventoryAsset(
                asset,
                override.flatMap(AssetOverride::name).or(() -> part(a, "name")),
                ouiVendor,
                identityEvidence,
                roleEvidence,
                confidence,
                reason,
                listed,
                peers.size(),
                a.rawIdentity);
    }

    static AssetLink link(LinkState l) {
        long mean = l.meanRequestIntervalNanos();
        return new AssetLink(
                l.client.id,
                l.server.id,
                l.service,
                l.access,
                l.requests,
                l.responses,
                l.packets,
                l.bytes,
                l.flows,
                mean > 0 ? Optional.of(Duration.ofNanos(mean)) : Optional.empty(),
                l.functions,
                instant(l.firstNanos),
                instant(l.lastNanos));
    }

    private static Optional<String> part(AssetState a, String name) {
        return Optional.ofNullable(a.identity.get(name));
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static String text(IpAddress ip) {
        return ip.toString();
    }
}
