package io.isthmus.access.identity;

import java.util.Objects;
import java.util.Set;

/**
 * The names of a client certificate that the TLS layer has already verified against the CA the
 * gateway trusts for service accounts: its subject in canonical RFC 2253 form and its DNS and URI
 * subject alternative names. The gateway maps it to a service account by these names only ({@link
 * UserDirectory#byCertificate}); whether the chain is trusted is decided before.
 */
public record ClientCertificate(String canonicalSubject, Set<SubjectAltName> altNames) {
    /** More SANs than this on one certificate are not looked at (a mapping needs one). */
    public static final int MAX_ALT_NAMES = 64;

    public ClientCertificate {
        Objects.requireNonNull(canonicalSubject, "canonicalSubject");
        altNames = Set.copyOf(altNames);
        if (altNames.size() > MAX_ALT_NAMES) {
            throw new IllegalArgumentException(
                    "a client certificate with more than " + MAX_ALT_NAMES + " alternative names is not mapped");
        }
    }

    /** A certificate known by its subject alone (no DNS or URI alternative names). */
    public static ClientCertificate subjectOnly(String canonicalSubject) {
        return new ClientCertificate(canonicalSubject, Set.of());
    }
}
