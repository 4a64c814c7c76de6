package io.isthmus.access.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them: RFC 6238 with HMAC-SHA-1, 30 s
 * steps from the Unix epoch, 6 digits, HOTP truncation of RFC 4226 section 5.3. A code is accepted
 * one step either side of now (clock drift, RFC 6238 section 5.2) and never twice: the caller keeps
 * the last step used per account and passes it in.
 */
public final class Totp {
    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    /** The time step holding {@code time}. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The HOTP value of {@code counter} with {@code digits} digits, zero-padded. */
    public static String code(byte[] key, long counter, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
        }
        byte[] h = hmacSha1(key, ByteBuffer.allocate(8).putLong(counter).array());
        int offset = h[h.length - 1] & 0x0F;
        int binary = ((h[offset] & 0x7F) << 24)
                | ((h[offset + 1] & 0xFF) << 16)
                | ((h[offset + 2] & 0xFF) << 8)
                | (h[offset + 3] & 0xFF);
        String s = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - s.length()) + s;
    }

    /** The 6-digit code for {@code time}. */
    public static String codeAt(byte[] key, Instant time) {
        return code(key, step(time), DIGITS);
    }

    /**
     * The step whose code {@code code} is, within {@link #WINDOW} steps of {@code now} and after
     * {@code lastUsedStep}; -1 when there is none (wrong, stale, or replayed). Every candidate step is
     * computed and compared in constant time, so the answer takes as long whichever step matches.
     */
    public static long match(byte[] key, String code, Instant now, long lastUsedStep) {
        if (code.length() != DIGITS) {
            return -1;
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long found = -1;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean equal = MessageDigest.isEqual(given, code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII));
            if (equal && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA1", e);
        }
    }
}
