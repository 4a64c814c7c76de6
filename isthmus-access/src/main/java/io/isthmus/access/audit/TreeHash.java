package io.isthmus.access.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hashes of RFC 6962 section 2.1 with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an
 * inner node {@code SHA-256(0x01 || left || right)}. The distinct prefixes keep a leaf from ever
 * being passed off as a node (second-preimage resistance). One instance per thread.
 */
final class TreeHash {
    static final int SIZE = 32;

    private final MessageDigest sha256;

    TreeHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    byte[] leaf(byte[] data) {
        sha256.update((byte) 0);
        return sha256.digest(data);
    }

    byte[] node(byte[] left, byte[] right) {
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the empty tree: the hash of the empty string (RFC 6962 2.1). */
    byte[] empty() {
        return sha256.digest(new byte[0]);
    }
}
