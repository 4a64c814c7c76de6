package io.isthmus.policy;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The attributes of a subject (a person or service account) that access rules may test besides its
 * roles, e.g. {@code site=springfield}, {@code company=acme}, {@code clearance=2} (NIST SP 800-162,
 * attribute-based access control). They come from the gateway's user file, never from a request.
 * Names and values are short plain words, so an attribute can be written into an audit record and a
 * policy file without quoting; {@link #MAX_ATTRIBUTES} per subject.
 */
public final class SubjectAttributes {
    /** At most this many attributes per subject, and conditions per permission. */
    public static final int MAX_ATTRIBUTES = 16;

    /** Attribute names: lower case, like the keys of the policy file. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** Attribute values: 1..64 letters, digits and {@code . _ - : @}; never starting with {@code $}. */
    public static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

    private SubjectAttributes() {}

    /** A checked, sorted, unmodifiable copy; the message names {@code owner} and the bad attribute. */
    public static Map<String, String> check(String owner, Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(
                    owner + ": at most " + MAX_ATTRIBUTES + " attributes, not " + attributes.size());
        }
        Map<String, String> out = new TreeMap<>();
        attributes.forEach((k, v) -> {
            checkName(owner, k);
            checkValue(owner, k, v);
            out.put(k, v);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    static void checkValue(String owner, String name, String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(owner + ": attribute " + name + " = '" + value
                    + "' must be 1..64 of letters, digits and . _ - : @ starting with a letter or digit");
        }
    }

    static void checkName(String owner, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    owner + ": attribute name '" + name + "' must be 1..32 of a-z 0-9 - starting with a letter");
        }
    }
}
