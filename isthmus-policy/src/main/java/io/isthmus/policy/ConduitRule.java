package io.isthmus.policy;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conduit with the finer limits an enforcing component needs: which function codes, units and
 * data addresses the traffic through it may use. An empty set or list means "any"; the conduit's
 * protocols, access kinds and initiator always apply.
 *
 * @param functions protocol function codes allowed (Modbus function codes, S7 function numbers);
 *     only meaningful with exactly one protocol, which validation checks
 * @param addresses data address ranges allowed; operations that name no address pass
 * @param units unit ids allowed (Modbus unit id, DNP3 destination); operations without a unit pass
 */
public record ConduitRule(Conduit conduit, Set<Integer> functions, List<AddressRange> addresses, Set<Integer> units) {
    public static final int MAX_FUNCTION = 0xFFFF;

    public ConduitRule {
        Objects.requireNonNull(conduit, "conduit");
        functions = Set.copyOf(new TreeSet<>(Objects.requireNonNull(functions, "functions of " + conduit.name())));
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses of " + conduit.name()));
        units = Set.copyOf(new TreeSet<>(Objects.requireNonNull(units, "units of " + conduit.name())));
        for (int f : functions) {
            if (f < 0 || f > MAX_FUNCTION) {
                throw new IllegalArgumentException(
                        "conduit " + conduit.name() + ": function code " + f + " is outside 0.." + MAX_FUNCTION);
            }
        }
        for (int u : units) {
            if (u < 0 || u > 0xFFFF) {
                throw new IllegalArgumentException(
                        "conduit " + conduit.name() + ": unit id " + u + " is outside 0..65535");
            }
        }
    }

    /** A rule with only the conduit's own limits. */
    public static ConduitRule of(Conduit conduit) {
        return new ConduitRule(conduit, Set.of(), List.of(), Set.of());
    }

    public String name() {
        return conduit.name();
    }

    /**
     * {@link Decision.Reason#CONDUIT} when this rule allows the operation, else why it refuses it.
     * Checked in the order an engineer reads a conduit: protocol, access kind, function, unit,
     * address.
     */
    Decision.Reason check(Operation op) {
        Set<Protocol> protocols = conduit.protocols();
        if (!protocols.contains(op.protocol())) {
            return Decision.Reason.PROTOCOL_NOT_ALLOWED;
        }
        Set<AccessKind> kinds = conduit.allowed();
        if (!kinds.contains(op.access())) {
            return Decision.Reason.ACCESS_NOT_ALLOWED;
        }
        if (!functions.isEmpty() && !functions.contains(op.function())) {
            return Decision.Reason.FUNCTION_NOT_ALLOWED;
        }
        if (!units.isEmpty() && op.unit() >= 0 && !units.contains(op.unit())) {
            return Decision.Reason.UNIT_NOT_ALLOWED;
        }
        if (!addresses.isEmpty() && op.address() >= 0 && !inRange(op.address(), op.quantity())) {
            return Decision.Reason.ADDRESS_NOT_ALLOWED;
        }
        return Decision.Reason.CONDUIT;
    }

    private boolean inRange(long address, long quantity) {
        for (AddressRange r : addresses) {
            if (r.covers(address, quantity)) {
                return true;
            }
        }
        return false;
    }
}
