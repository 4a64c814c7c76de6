package io.isthmus.access.gateway;

import io.isthmus.model.AccessKind;
import io.isthmus.policy.AccessResource;
import java.time.Instant;

/**
 * A change waiting for a second person.
 *
 * @param requester the account that asked; it may not approve its own request
 */
public record Approval(
        String id,
        String requester,
        WriteItem item,
        AccessKind action,
        AccessResource resource,
        Instant created,
        Instant expires,
        State state,
        String approver) {

    public enum State {
        PENDING,
        /** Approved; executing or about to: nobody else can approve it any more. */
        APPROVED,
        EXECUTED,
        FAILED,
        EXPIRED,
        /** Refused by a second person who may approve it: never executed. */
        REJECTED,
        /** Taken back by its requester before anyone decided it: never executed. */
        WITHDRAWN,
        /**
         * The gateway stopped after recording that it was sending the change and before the device's
         * answer was recorded: the change may or may not have been made. Never retried automatically;
         * an operator checks the device.
         */
        UNKNOWN_OUTCOME;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    Approval with(State s, String by) {
        return new Approval(id, requester, item, action, resource, created, expires, s, by);
    }
}
