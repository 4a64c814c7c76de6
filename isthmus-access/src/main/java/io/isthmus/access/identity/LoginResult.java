package io.isthmus.access.identity;

import java.time.Instant;

/** The answer to a login: who, or why not. Failures never say which factor was wrong. */
public sealed interface LoginResult {
    record Success(Account account) implements LoginResult {}

    /** Unknown account, wrong password, wrong or replayed code, or a bad token (with the token's reason). */
    record Failure(String reason) implements LoginResult {}

    /** The account or the source address is locked after too many failures. */
    record Locked(Instant until) implements LoginResult {}
}
