package io.isthmus.policy;

import io.isthmus.model.TagPath;
import java.util.Objects;
import java.util.Optional;

/**
 * What an API request touches: a tag, the asset (device) that holds it and the zone that device is
 * in. The gateway fills zone and asset from its device table and the zones-and-conduits policy, never
 * from the request, so a client cannot claim a friendlier zone.
 *
 * @param zone the zone of the asset's address, empty when it is in none (then only rules for any
 *     zone can match — and those should not exist in a careful policy)
 */
public record AccessResource(Optional<String> zone, String asset, TagPath tag) {
    public AccessResource {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(tag, "tag");
    }
}
