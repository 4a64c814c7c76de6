package io.isthmus.access.identity;

/** Why a token was refused; the id is what the audit log and the problem document carry. */
public enum TokenRefusal {
    MALFORMED,
    /** {@code alg} other than EdDSA, including {@code none}; or a {@code crit} header. */
    ALGORITHM_NOT_ALLOWED,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    LIFETIME_TOO_LONG,
    WRONG_AUDIENCE,
    WRONG_ISSUER,
    REPLAYED,
    REPLAY_CACHE_FULL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
