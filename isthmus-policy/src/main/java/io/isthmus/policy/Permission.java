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
 */
public record Permission(
        ResourcePattern on,
        Set<AccessKind> actions,
        boolean approve,
        Optional<TimeWindow> time,
        List<IpNetwork> sources,
        boolean approval) {
    public Permission {
        Objects.requireNonNull(on, "resources");
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        Objects.requireNonNull(time, "time");
        sources = List.copyOf(sources);
        if (actions.isEmpty() && !approve) {
            throw new IllegalArgumentException("a permission on " + on + " grants no action");
        }
    }
}
