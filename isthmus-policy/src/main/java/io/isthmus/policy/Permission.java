package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.IpNetwork;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One grant of a role: the actions it allows on the resources it covers, under its conditions.
 *
 * @param actions what may be done; {@code approve} (may approve another person's request on these
 *     resources) is separate because it is not something done to the plant
 * @param time when the permission holds; empty for always
 * @param sources the networks requests must come from; empty for any
 * @param approval whether an action under this permission waits for a second person's approval
 * @param subject conditions on the subject's attributes, all of which must hold; empty for any
 *     subject holding the role
 */
public record Permission(
        ResourcePattern on,
        Set<AccessKind> actions,
        boolean approve,
        Optional<TimeWindow> time,
        List<IpNetwork> sources,
        boolean approval,
        List<SubjectCondition> subject) {
    public Permission {
        Objects.requireNonNull(on, "resources");
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        Objects.requireNonNull(time, "time");
        sources = List.copyOf(sources);
        subject = List.copyOf(subject);
        if (subject.size() > SubjectAttributes.MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("a permission on " + on + " has more than "
                    + SubjectAttributes.MAX_ATTRIBUTES + " subject conditions");
        }
        if (actions.isEmpty() && !approve) {
            throw new IllegalArgumentException("a permission on " + on + " grants no action");
        }
    }

    /** A permission for any subject holding the role (no attribute conditions). */
    public Permission(
            ResourcePattern on,
            Set<AccessKind> actions,
            boolean approve,
            Optional<TimeWindow> time,
            List<IpNetwork> sources,
            boolean approval) {
        this(on, actions, approve, time, sources, approval, List.of());
    }

    /** Whether every subject condition holds for these attributes and this resource. */
    boolean subjectMatches(java.util.Map<String, String> attributes, AccessResource resource) {
        for (SubjectCondition c : subject) {
            if (!c.holds(attributes, resource)) {
                return false;
            }
        }
        return true;
    }
}
