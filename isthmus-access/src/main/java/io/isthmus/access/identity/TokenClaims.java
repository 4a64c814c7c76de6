package io.isthmus.access.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a service account's token (RFC 7519 section 4.1) that the gateway uses: who, for
 * which gateway, by whom signed, when valid, and a unique id so that a token is used once.
 */
public record TokenClaims(
        String subject, String issuer, String audience, Instant notBefore, Instant expires, String id) {
    public TokenClaims {
        Objects.requireNonNull(subject, "sub");
        Objects.requireNonNull(issuer, "iss");
        Objects.requireNonNull(audience, "aud");
        Objects.requireNonNull(notBefore, "nbf");
        Objects.requireNonNull(expires, "exp");
        Objects.requireNonNull(id, "jti");
        if (!expires.isAfter(notBefore)) {
            throw new IllegalArgumentException(
                    "a token expires after it becomes valid (nbf " + notBefore + ", exp " + expires + ")");
        }
    }
}
