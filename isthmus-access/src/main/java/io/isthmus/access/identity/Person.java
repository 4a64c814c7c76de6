package io.isthmus.access.identity;

import io.isthmus.policy.SubjectAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person: password hash and TOTP secret; both factors are needed to log in.
 *
 * @param totpSecret the shared RFC 6238 key (20 random bytes by default); stored in the user file
 *     because the server must compute the codes, unlike the password, of which only the hash is kept
 */
public record Person(
        String name, Set<String> roles, PasswordHash password, byte[] totpSecret, Map<String, String> attributes)
        implements Account {
    public Person {
        Account.checkName(name);
        roles = Account.checkRoles(name, roles);
        Objects.requireNonNull(password, "password of " + name);
        if (totpSecret.length < 10 || totpSecret.length > 64) {
            throw new IllegalArgumentException(
                    "person " + name + ": TOTP secret must be 10..64 bytes, was " + totpSecret.length);
        }
        totpSecret = totpSecret.clone();
        attributes = SubjectAttributes.check("person " + name, attributes);
    }

    /** A person without attributes. */
    public Person(String name, Set<String> roles, PasswordHash password, byte[] totpSecret) {
        this(name, roles, password, totpSecret, Map.of());
    }

    @Override
    public byte[] totpSecret() {
        return totpSecret.clone();
    }

    @Override
    public String toString() {
        return "Person[" + name + ", roles " + roles + (attributes.isEmpty() ? "" : ", " + attributes) + "]";
    }
}
