package io.isthmus.wire.dnp3.app;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One application fragment as far as it could be read (IEEE 1815-2012 clause 4): the control
 * octet, the function code (raw and named), the IIN bits of a response, the object headers in
 * order, and any problems that stopped or marred the walk.
 *
 * @param iin in bit order; empty for requests
 */
public record AppFragment(
        AppControl control,
        int functionCode,
        FunctionCode function,
        Set<Iin> iin,
        List<ObjectHeader> headers,
        List<AppProblem> problems) {

    public AppFragment {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(function, "function");
        // an IinSet is immutable and shared: kept as it is (its empty one too: the empty word)
        iin = iin instanceof IinSet ? iin : iin.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(iin));
        headers = List.copyOf(headers);
        problems = List.copyOf(problems);
    }

    /**
     * The names of the IIN bits that report problems ({@link Iin#problem()}), joined with commas in
     * bit order; empty when none does.
     */
    public Optional<String> iinProblems() {
        if (iin instanceof IinSet shared) {
            return shared.problems();
        }
        if (iin.isEmpty()) { // a request's: no builder or iterator per request
            return Optional.empty();
        }
        StringBuilder names = new StringBuilder();
        for (Iin bit : iin) {
            if (bit.problem()) {
                names.append(names.isEmpty() ? "" : ",").append(bit.name());
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names.toString());
    }

    /** True when any header is of one of the groups. */
    public boolean hasGroup(int... groups) {
        for (int i = 0, n = headers.size(); i < n; i++) { // indexed: no iterator per call (perf14d)
            int group = headers.get(i).group();
            for (int g : groups) {
                if (group == g) {
                    return true;
                }
            }
        }
        return false;
    }
}
