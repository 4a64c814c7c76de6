package io.isthmus.access.identity;

/** The result of verifying a token: its claims, or why it was refused. */
public sealed interface TokenCheck {
    record Valid(TokenClaims claims) implements TokenCheck {}

    record Refused(TokenRefusal reason, String detail) implements TokenCheck {}
}
