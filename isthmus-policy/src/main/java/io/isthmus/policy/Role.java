package io.isthmus.policy;

import java.util.List;
import java.util.regex.Pattern;

/** A named set of permissions; accounts hold roles, roles hold permissions. */
public record Role(String name, List<Permission> permissions) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public Role {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "role name '" + name + "' must be 1..64 of a-z 0-9 . _ - starting with a letter");
        }
        permissions = List.copyOf(permissions);
    }
}
