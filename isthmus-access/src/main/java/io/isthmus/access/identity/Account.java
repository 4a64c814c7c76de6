package io.isthmus.access.identity;

import io.isthmus.policy.SubjectAttributes;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Someone the gateway knows: a person or a service account, with the roles the access rules grant. */
public sealed interface Account permits Person, ServiceAccount {
    /** Account names: what appears in audit records, so no separators or spaces. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    String name();

    Set<String> roles();

    /**
     * Attributes the access rules may test besides the roles ({@code site}, {@code company},
     * {@code clearance}, …; {@link SubjectAttributes}); empty for none.
     */
    Map<String, String> attributes();

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "account name '" + name + "' must be 1..64 of a-z 0-9 . _ - starting with a letter");
        }
        return name;
    }

    static Set<String> checkRoles(String name, Set<String> roles) {
        for (String r : roles) {
            if (!NAME.matcher(r).matches()) {
                throw new IllegalArgumentException("account " + name + ": role '" + r + "' is not a valid role name");
            }
        }
        return Set.copyOf(roles);
    }
}
