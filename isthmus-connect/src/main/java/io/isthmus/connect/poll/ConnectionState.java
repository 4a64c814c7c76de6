package io.isthmus.connect.poll;

import java.time.Instant;
import java.util.Objects;

/** What a source's connection is doing now; every transition is reported to the state listener. */
public sealed interface ConnectionState {

    /** Opening the TCP connection ({@code attempt} counts from 1 since the last good connection). */
    record Connecting(int attempt) implements ConnectionState {}

    /** Connected since {@code since}; polling. */
    record Connected(Instant since) implements ConnectionState {
        public Connected {
            Objects.requireNonNull(since, "since");
        }
    }

    /** Waiting until {@code until} before the next attempt because of {@code lastError}. */
    record BackingOff(Instant until, String lastError, int attempt) implements ConnectionState {
        public BackingOff {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /** Stopped by its owner; final. */
    record Stopped() implements ConnectionState {}
}
