package io.isthmus.policy;

import io.isthmus.model.Isa95Level;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition of a permission on one attribute of the subject: it equals a fixed value
 * ({@code company: acme}) or the same property of the resource requested ({@code site: $site}: a
 * person of one site may act only on that site's tags). A subject without the attribute never
 * meets the condition.
 */
public sealed interface SubjectCondition {
    /** The subject attribute tested. */
    String attribute();

    /** Whether the subject's attributes meet the condition for this resource. */
    boolean holds(Map<String, String> subject, AccessResource resource);

    /** The attribute equals {@code value}. */
    record Equals(String attribute, String value) implements SubjectCondition {
        public Equals {
            SubjectAttributes.checkName("condition", attribute);
            SubjectAttributes.checkValue("condition", attribute, value);
        }

        @Override
        public boolean holds(Map<String, String> subject, AccessResource resource) {
            return value.equals(subject.get(attribute));
        }
    }

    /** The attribute equals the resource's {@code property} (zone, asset, or an ISA-95 level of its tag). */
    record SameAs(String attribute, ResourceProperty property) implements SubjectCondition {
        public SameAs {
            SubjectAttributes.checkName("condition", attribute);
            Objects.requireNonNull(property, "property");
        }

        @Override
        public boolean holds(Map<String, String> subject, AccessResource resource) {
            String mine = subject.get(attribute);
            return mine != null && property.of(resource).map(mine::equals).orElse(false);
        }
    }

    /** What of a resource a condition may compare an attribute with. */
    enum ResourceProperty {
        ZONE,
        ASSET,
        ENTERPRISE,
        SITE,
        AREA,
        LINE,
        CELL;

        /** The property's value for {@code r}; a resource in no zone has no zone. */
        public Optional<String> of(AccessResource r) {
            return switch (this) {
                case ZONE -> r.zone();
                case ASSET -> Optional.of(r.asset());
                case ENTERPRISE -> Optional.of(r.tag().segment(Isa95Level.ENTERPRISE));
                case SITE -> Optional.of(r.tag().segment(Isa95Level.SITE));
                case AREA -> Optional.of(r.tag().segment(Isa95Level.AREA));
                case LINE -> Optional.of(r.tag().segment(Isa95Level.LINE));
                case CELL -> Optional.of(r.tag().segment(Isa95Level.CELL));
            };
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads a condition as the policy file writes it: {@code $zone}, {@code $asset}, {@code $site}
     * (any ISA-95 level down to {@code $cell}) refer to the resource; anything else is a fixed value.
     */
    public static SubjectCondition parse(String attribute, String text) {
        if (text != null && text.startsWith("$")) {
            String p = text.substring(1);
            for (ResourceProperty r : ResourceProperty.values()) {
                if (r.id().equals(p)) {
                    return new SameAs(attribute, r);
                }
            }
            throw new IllegalArgumentException("subject condition " + attribute + ": '" + text
                    + "' names no resource property ($zone, $asset, $enterprise, $site, $area, $line, $cell)");
        }
        return new Equals(attribute, text);
    }
}
