package io.isthmus.model;

import static io.isthmus.model.Components.immutableSet;

import java.net.InetAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A device the inventory knows: how to recognise it on the wire, what it is, where it sits in the
 * plant, what it speaks, and when it was seen. Immutable; inventory replaces an asset with the
 * {@code with...} copies as it learns more.
 *
 * @param purdueLevel empty until inferred from the role or zone, or set by an operator
 * @param zone the name of the {@link Zone} the asset belongs to, when one claims it
 */
public record Asset(
        AssetId id,
        Set<MacAddress> macs,
        Set<InetAddress> ips,
        Identity identity,
        AssetRole role,
        Optional<PurdueLevel> purdueLevel,
        Optional<String> zone,
        Set<Protocol> protocols,
        Instant firstSeen,
        Instant lastSeen) {

    public Asset {
        Objects.requireNonNull(id, "id");
        macs = immutableSet(macs, "macs");
        ips = immutableSet(ips, "ips");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(purdueLevel, "purdueLevel");
        Objects.requireNonNull(zone, "zone");
        zone.ifPresent(z -> Zone.checkName("zone of asset " + id, z));
        protocols = immutableSet(protocols, "protocols");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException(
                    "asset " + id + ": lastSeen " + lastSeen + " is before firstSeen " + firstSeen);
        }
    }

    /** An asset seen once, with nothing known about it yet. */
    public static Asset firstSeen(AssetId id, Instant at) {
        return new Asset(
                id,
                Set.of(),
                Set.of(),
                Identity.UNKNOWN,
                AssetRole.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                at,
                at);
    }

    /** Seen again at {@code at}; an earlier time (reordered capture) leaves lastSeen as it is. */
    public Asset seenAt(Instant at) {
        Instant last = at.isAfter(lastSeen) ? at : lastSeen;
        Instant first = at.isBefore(firstSeen) ? at : firstSeen;
        return new Asset(id, macs, ips, identity, role, purdueLevel, zone, protocols, first, last);
    }

    public Asset withMac(MacAddress mac) {
        return new Asset(id, plus(macs, mac), ips, identity, role, purdueLevel, zone, protocols, firstSeen, lastSeen);
    }

    public Asset withIp(InetAddress ip) {
        return new Asset(id, macs, plus(ips, ip), identity, role, purdueLevel, zone, protocols, firstSeen, lastSeen);
    }

    public Asset withProtocol(Protocol protocol) {
        return new Asset(
                id, macs, ips, identity, role, purdueLevel, zone, plus(protocols, protocol), firstSeen, lastSeen);
    }

    public Asset withIdentity(Identity newIdentity) {
        return new Asset(id, macs, ips, newIdentity, role, purdueLevel, zone, protocols, firstSeen, lastSeen);
    }

    public Asset withRole(AssetRole newRole) {
        return new Asset(id, macs, ips, identity, newRole, purdueLevel, zone, protocols, firstSeen, lastSeen);
    }

    public Asset withPurdueLevel(PurdueLevel level) {
        return new Asset(id, macs, ips, identity, role, Optional.of(level), zone, protocols, firstSeen, lastSeen);
    }

    public Asset withZone(String zoneName) {
        return new Asset(
                id, macs, ips, identity, role, purdueLevel, Optional.of(zoneName), protocols, firstSeen, lastSeen);
    }

    private static <T> Set<T> plus(Set<T> set, T element) {
        Objects.requireNonNull(element, "element");
        Set<T> copy = new HashSet<>(set);
        copy.add(element);
        return copy;
    }

    /**
     * What a device says about itself: Modbus Read Device Identification (FC 43/14), the CIP
     * Identity object, S7 SZL 0x0011, OPC UA BuildInfo. Each part is absent until some protocol
     * reports it; a present part is never blank.
     */
    public record Identity(
            Optional<String> vendor, Optional<String> model, Optional<String> firmware, Optional<String> serial) {

        public static final Identity UNKNOWN =
                new Identity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Identity {
            check(vendor, "vendor");
            check(model, "model");
            check(firmware, "firmware");
            check(serial, "serial");
        }

        public static Identity of(String vendor, String model, String firmware, String serial) {
            return new Identity(Optional.of(vendor), Optional.of(model), Optional.of(firmware), Optional.of(serial));
        }

        public boolean isUnknown() {
            return vendor.isEmpty() && model.isEmpty() && firmware.isEmpty() && serial.isEmpty();
        }

        private static void check(Optional<String> part, String name) {
            Objects.requireNonNull(part, name);
            part.ifPresent(p -> Components.requireNonBlank(p, name));
        }
    }
}
