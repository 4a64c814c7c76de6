package io.isthmus.model;

import java.util.Locale;

/**
 * The security levels of IEC 62443-3-3 (defined in IEC 62443-1-1): how strong an attacker a zone
 * must withstand. A zone names its target level (SL-T); an assessment compares the achieved level
 * (SL-A) with it.
 */
public enum SecurityLevel {
    /** No specific requirements or security protection necessary. */
    SL0,
    /** Protection against casual or coincidental violation. */
    SL1,
    /** Protection against intentional violation using simple means, low resources, generic skills. */
    SL2,
    /** Protection against sophisticated means, moderate resources, IACS-specific skills. */
    SL3,
    /** Protection against sophisticated means with extended resources, IACS skills, high motivation. */
    SL4;

    /** The level as a number, 0 to 4. */
    public int level() {
        return ordinal();
    }

    /** True when this level is at least as strong as {@code required}. */
    public boolean meets(SecurityLevel required) {
        return level() >= required.level();
    }

    /** Reads {@code SL2}, {@code sl2}, {@code SL-2} or {@code 2}. */
    public static SecurityLevel parse(String text) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT).replace("SL-", "SL");
        String digits = t.startsWith("SL") ? t.substring(2) : t;
        if (digits.length() == 1 && digits.charAt(0) >= '0' && digits.charAt(0) <= '4') {
            return values()[digits.charAt(0) - '0'];
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not an IEC 62443 security level; expected SL0, SL1, SL2, SL3 or SL4");
    }
}
