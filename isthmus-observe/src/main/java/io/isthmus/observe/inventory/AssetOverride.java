package io.isthmus.observe.inventory;

import io.isthmus.model.Asset;
import io.isthmus.model.AssetId;
import io.isthmus.model.AssetRole;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.MacAddress;
import io.isthmus.model.PurdueLevel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator knows better than the traffic: for the assets at {@code network} (a single
 * address is a /32 or /128) or with {@code mac}, their level, zone, name and role.
 */
public record AssetOverride(
        Optional<IpNetwork> network,
        Optional<MacAddress> mac,
        Optional<PurdueLevel> level,
        Optional<String> zone,
        Optional<String> name,
        Optional<AssetRole> role) {

    public AssetOverride {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (network.isPresent() == mac.isPresent()) {
            throw new IllegalArgumentException("an override names exactly one of an address/network or a MAC, got "
                    + (network.isPresent() ? network.get() + " and " + mac.get() : "neither"));
        }
        String what = network.map(Object::toString).orElseGet(() -> mac.get().toString());
        // the model's zone-name rule, applied by the Asset record
        zone.ifPresent(z ->
                Asset.firstSeen(new AssetId("override:" + what), Instant.EPOCH).withZone(z));
        name.ifPresent(n -> {
            if (n.isBlank() || n.length() > 128) {
                throw new IllegalArgumentException(
                        "name of override " + what + " must be 1 to 128 characters, got '" + n + "'");
            }
        });
        if (level.isEmpty() && zone.isEmpty() && name.isEmpty() && role.isEmpty()) {
            throw new IllegalArgumentException("override " + what + " sets nothing; give a level, zone, name or role");
        }
    }

    boolean matches(AssetState a) {
        if (mac.isPresent()) {
            return a.macs.contains(mac.get().value());
        }
        IpNetwork n = network.get();
        return a.ips.stream().anyMatch(ip -> n.contains(ip.toInetAddress()));
    }
}
