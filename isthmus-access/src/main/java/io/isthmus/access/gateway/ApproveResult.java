package io.isthmus.access.gateway;

/** The answer to an approval: executed, failed at the device, or refused (and why). */
public sealed interface ApproveResult {
    record Executed(Approval approval) implements ApproveResult {}

    record Failed(Approval approval, String detail) implements ApproveResult {}

    record Refused(Refusal reason, String detail) implements ApproveResult {}

    enum Refusal {
        NOT_FOUND,
        SELF_APPROVAL,
        NOT_AN_APPROVER,
        EXPIRED,
        ALREADY_DECIDED,
        CONDUIT_DENIED,
        /** The requester tried to reject their own request: they withdraw it instead. */
        SELF_REJECTION,
        /** Somebody other than the requester tried to withdraw a request. */
        NOT_REQUESTER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
