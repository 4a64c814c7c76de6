package io.isthmus.wire.dnp3.transport;

import java.util.List;
import java.util.Objects;

/** What happened to one transport segment. */
public sealed interface SegmentOutcome {

    /** Stored; the fragment is not finished. {@code problems} reports earlier data this dropped. */
    record Pending(List<TransportProblem> problems) implements SegmentOutcome {
        public Pending {
            problems = List.copyOf(problems);
        }
    }

    /** The segment finished an application fragment (FIN). */
    record Complete(byte[] fragment, List<TransportProblem> problems) implements SegmentOutcome {
        public Complete {
            Objects.requireNonNull(fragment, "fragment");
            problems = List.copyOf(problems);
        }
    }

    /** The segment (and any fragment it belonged to) was discarded. */
    record Rejected(TransportProblem problem) implements SegmentOutcome {
        public Rejected {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
