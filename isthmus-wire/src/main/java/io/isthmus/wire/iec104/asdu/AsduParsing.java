package io.isthmus.wire.iec104.asdu;

import java.util.Objects;

/** The outcome of reading an ASDU. */
public sealed interface AsduParsing {

    /** The data unit identifier was complete; problems with the objects are inside. */
    record Parsed(Asdu asdu) implements AsduParsing {
        public Parsed {
            Objects.requireNonNull(asdu, "asdu");
        }
    }

    /** Too short for a data unit identifier. */
    record Unreadable(AsduProblem problem) implements AsduParsing {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
