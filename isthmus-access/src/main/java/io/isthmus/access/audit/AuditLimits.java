package io.isthmus.access.audit;

/**
 * Bounds on what one record may hold, so a hostile or broken writer cannot make the log, its
 * verifier or a SIEM import allocate without limit.
 *
 * @param maxLineBytes the longest encoded record line, in UTF-8 bytes
 * @param maxFieldChars the longest source, type, event id, detail key or detail value
 * @param maxDetails detail entries per record
 */
public record AuditLimits(int maxLineBytes, int maxFieldChars, int maxDetails) {
    /** 16 KiB lines, 1,024-character fields, 32 details. */
    public static final AuditLimits DEFAULT = new AuditLimits(16 * 1024, 1024, 32);

    public AuditLimits {
        if (maxLineBytes < 256 || maxLineBytes > 1 << 20) {
            throw new IllegalArgumentException("maxLineBytes must be 256..1048576, was " + maxLineBytes);
        }
        if (maxFieldChars < 16 || maxFieldChars > maxLineBytes) {
            throw new IllegalArgumentException("maxFieldChars must be 16..maxLineBytes, was " + maxFieldChars);
        }
        if (maxDetails < 0 || maxDetails > 1024) {
            throw new IllegalArgumentException("maxDetails must be 0..1024, was " + maxDetails);
        }
    }
}
