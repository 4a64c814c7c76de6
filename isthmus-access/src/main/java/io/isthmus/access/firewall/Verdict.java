package io.isthmus.access.firewall;

import io.isthmus.model.Event;
import io.isthmus.policy.Operation;
import java.util.Optional;

/** What the firewall does with one request. */
public sealed interface Verdict {

    /** Pass it to the PLC. */
    record Forward(Operation operation) implements Verdict {}

    /**
     * Refuse it: answer with {@code exceptionCode} or drop, per configuration, and raise the alert.
     *
     * @param operation what was asked, when the request could be decoded
     */
    record Deny(Optional<Operation> operation, String reason, Event alert) implements Verdict {}
}
