package io.isthmus.access.identity;

import java.util.Optional;
import java.util.Set;

/**
 * A machine client (MES, planner): authenticated by an mTLS client certificate whose subject
 * distinguished name is {@code certificateSubject} (RFC 4514 form, compared as the JDK canonicalises
 * it), or by a short-lived token the gateway's key signed for this account ({@link Tokens}).
 */
public record ServiceAccount(String name, Set<String> roles, Optional<String> certificateSubject) implements Account {
    public ServiceAccount {
        Account.checkName(name);
        roles = Account.checkRoles(name, roles);
        certificateSubject = certificateSubject.map(s -> canonical(name, s));
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
