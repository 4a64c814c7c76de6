package io.isthmus.access.identity;

import io.isthmus.policy.SubjectAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A machine client (MES, planner): authenticated by an mTLS client certificate whose subject
 * distinguished name is {@code certificateSubject} (RFC 4514 form, compared as the JDK canonicalises
 * it) and, when {@code certificateSan} is given, that also carries this subject alternative name; or
 * by a short-lived token the gateway's key signed for this account ({@link Tokens}).
 *
 * @param certificateSan narrows the subject: a CA may issue the same subject twice (a renewed or a
 *     mistaken certificate), and a SAN such as a SPIFFE URI is what many CAs bind to an identity;
 *     the subject alone never maps a certificate to an account that requires a SAN
 */
public record ServiceAccount(
        String name,
        Set<String> roles,
        Optional<String> certificateSubject,
        Optional<SubjectAltName> certificateSan,
        Map<String, String> attributes)
        implements Account {
    public ServiceAccount {
        Account.checkName(name);
        roles = Account.checkRoles(name, roles);
        certificateSubject = certificateSubject.map(s -> canonical(name, s));
        Objects.requireNonNull(certificateSan, "certificateSan");
        if (certificateSan.isPresent() && certificateSubject.isEmpty()) {
            throw new IllegalArgumentException("service account " + name
                    + ": a certificate SAN narrows the certificate subject; give the subject too");
        }
        attributes = SubjectAttributes.check("service account " + name, attributes);
    }

    /** A service account without attributes. */
    public ServiceAccount(
            String name, Set<String> roles, Optional<String> certificateSubject, Optional<SubjectAltName> san) {
        this(name, roles, certificateSubject, san, Map.of());
    }

    /** A service account mapped by subject alone (or by no certificate). */
    public ServiceAccount(String name, Set<String> roles, Optional<String> certificateSubject) {
        this(name, roles, certificateSubject, Optional.empty());
    }

    /** Whether a verified client certificate is this account's: same subject and, if required, the SAN. */
    public boolean matches(ClientCertificate c) {
        return certificateSubject.isPresent()
                && certificateSubject.get().equals(c.canonicalSubject())
                && certificateSan.map(c.altNames()::contains).orElse(true);
    }

    /** The canonical RFC 2253 form of a distinguished name, so that spacing and case do not matter. */
    public static String canonical(String account, String subject) {
        try {
            return new javax.security.auth.x500.X500Principal(subject)
                    .getName(javax.security.auth.x500.X500Principal.CANONICAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "service account " + account + ": '" + subject + "' is not a distinguished name");
        }
    }
}
