package io.isthmus.access.gateway;

/**
 * The answer to a program transfer request: denied by the access rules, or allowed (possibly after
 * approval) but impossible because no driver of the gateway transfers programs to that device.
 */
public sealed interface ProgramResult {
    record Denied(String reason, String detail) implements ProgramResult {}

    /**
     * The rules would allow it (at once or after approval), but no path to OT can carry it: nothing
     * was sent and no approval was opened, so no approver is asked for something that cannot happen.
     */
    record Unsupported(String decision, String detail) implements ProgramResult {}
}
