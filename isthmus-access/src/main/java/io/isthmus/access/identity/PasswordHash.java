package io.isthmus.access.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash (RFC 8018 section 5.2), the only form in which a
 * password is stored. Stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} with unpadded base64.
 * The iteration count follows OWASP's 2023 advice for PBKDF2-HMAC-SHA256 (600,000) by default; a
 * stored hash keeps its own count so that raising the default does not lock anyone out.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Below this a stored hash is refused as too weak to keep (and tests can still run fast). */
    public static final int MIN_ITERATIONS = 10_000;

    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_PASSWORD_CHARS = 1024;

    public PasswordHash {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "PBKDF2 iterations must be " + MIN_ITERATIONS + ".." + MAX_ITERATIONS + ", was " + iterations);
        }
        if (salt.length < SALT_BYTES || salt.length > 64) {
            throw new IllegalArgumentException("salt must be 16..64 bytes, was " + salt.length);
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("hash must be 32 bytes, was " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Whether {@code password} is the one hashed; compares in constant time. */
    public boolean matches(char[] password) {
        if (password.length > MAX_PASSWORD_CHARS) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /** The stored form. */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Reads the stored form; anything else is an {@link IllegalArgumentException} saying why. */
    public static PasswordHash parse(String stored) {
        if (stored.length() > 512) {
            throw new IllegalArgumentException("a password hash is at most 512 characters");
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a password hash reads " + SCHEME + "$ITERATIONS$SALT$HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count '" + parts[1] + "' is not a number");
        }
        try {
            Base64.Decoder d = Base64.getDecoder();
            return new PasswordHash(iterations, d.decode(parts[2]), d.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash: " + e.getMessage());
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public String toString() {
        return SCHEME + "$" + iterations + "$…";
    }
}
