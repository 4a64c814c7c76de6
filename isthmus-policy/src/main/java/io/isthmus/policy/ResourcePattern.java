package io.isthmus.policy;

import io.isthmus.model.TagPath;
import java.util.Objects;
import java.util.Optional;

/**
 * The resources a permission covers: all three parts must match; an empty part matches anything.
 *
 * @param tagPrefix whole ISA-95 segments, e.g. {@code acme/springfield/packaging/line1/filler}
 */
public record ResourcePattern(Optional<String> zone, Optional<String> asset, Optional<String> tagPrefix) {
    public static final ResourcePattern ANY = new ResourcePattern(Optional.empty(), Optional.empty(), Optional.empty());

    public ResourcePattern {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(asset, "asset");
        tagPrefix = tagPrefix.map(ResourcePattern::checkPrefix);
    }

    private static String checkPrefix(String p) {
        String t = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (t.isEmpty() || t.startsWith("/") || t.contains("//") || t.length() > 7 * TagPath.MAX_SEGMENT_LENGTH) {
            throw new IllegalArgumentException(
                    "tag prefix '" + p + "' must be whole ISA-95 segments separated by '/', e.g. acme/springfield");
        }
        return t;
    }

    boolean matches(AccessResource r) {
        return zone.map(z -> r.zone().map(z::equals).orElse(false)).orElse(true)
                && asset.map(r.asset()::equals).orElse(true)
                && tagPrefix.map(r.tag()::isUnder).orElse(true);
    }

    @Override
    public String toString() {
        return "zone " + zone.orElse("*") + ", asset " + asset.orElse("*") + ", tags " + tagPrefix.orElse("*");
    }
}
