package io.isthmus.model;

import static io.isthmus.model.Components.requireNonBlank;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A MITRE ATT&CK for ICS technique: its id, its name, and the tactics it serves. Obtain techniques
 * from {@link AttackIcs#technique(String)}, which knows the real ones; this record only checks the
 * shape.
 *
 * @param tactics in matrix order
 */
public record Technique(String id, String name, Set<Tactic> tactics) {
    static final Pattern ID = Pattern.compile("T\\d{4}");

    public Technique {
        Objects.requireNonNull(id, "technique id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "'" + id + "' is not a technique id; expected T followed by 4 digits, e.g. T0855");
        }
        requireNonBlank(name, "name of technique " + id);
        Objects.requireNonNull(tactics, "tactics of technique " + id);
        if (tactics.isEmpty()) {
            throw new IllegalArgumentException("technique " + id + " serves no tactic; ATT&CK names at least one");
        }
        tactics = Collections.unmodifiableSet(EnumSet.copyOf(tactics));
    }

    public boolean serves(Tactic tactic) {
        return tactics.contains(tactic);
    }

    /** {@code T0855 Unauthorized Command Message}. */
    @Override
    public String toString() {
        return id + " " + name;
    }
}
