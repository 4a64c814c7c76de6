package io.isthmus.wire.dnp3.app;

import java.util.Objects;

/** The outcome of reading an application fragment. */
public sealed interface AppParsing {

    /** The fragment had a control octet and a function code; problems are inside. */
    record Parsed(AppFragment fragment) implements AppParsing {
        public Parsed {
            Objects.requireNonNull(fragment, "fragment");
        }
    }

    /** Fewer than the two octets every fragment starts with. */
    record Unreadable(AppProblem problem) implements AppParsing {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
