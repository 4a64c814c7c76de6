package io.isthmus.model;

import static io.isthmus.model.Components.immutableList;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * An IEC 62443-3-2 security zone: assets grouped by shared security requirements, placed at one
 * Purdue level, with the security level they must reach. Membership by address comes from the
 * networks; an asset may also be assigned to a zone by name.
 *
 * <p>Zone names are identifiers shared by conduits, assets, events and policy files: 1 to 64
 * characters, letters, digits, {@code _ - .}, starting with a letter or digit.
 */
public record Zone(String name, PurdueLevel level, List<IpNetwork> networks, SecurityLevel targetSecurityLevel) {
    public static final int MAX_NAME_LENGTH = 64;

    public Zone {
        checkName("zone name", name);
        Objects.requireNonNull(level, "level of zone " + name);
        networks = immutableList(networks, "networks of zone " + name);
        Objects.requireNonNull(targetSecurityLevel, "targetSecurityLevel of zone " + name);
    }

    /** True when one of the zone's networks contains the address. */
    public boolean contains(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** Throws unless {@code name} is a valid zone name; {@code what} says which field held it. */
    static void checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " '" + name + "' is " + name.length()
                    + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            boolean punctuation = c == '_' || c == '-' || c == '.';
            if (!letterOrDigit && !(punctuation && i > 0)) {
                throw new IllegalArgumentException(String.format(
                        "%s '%s' has '%c' (U+%04X) at offset %d; names use letters, digits, '_', '-', '.'"
                                + " and start with a letter or digit",
                        what, name, c, (int) c, i));
            }
        }
    }
}
