package io.isthmus.access.gateway;

/**
 * The answer to a rejection (by a second person) or a withdrawal (by the requester): the request
 * is closed and will never be executed, or the attempt was refused and why.
 */
public sealed interface RejectResult {
    record Closed(Approval approval) implements RejectResult {}

    record Refused(ApproveResult.Refusal reason, String detail) implements RejectResult {}
}
