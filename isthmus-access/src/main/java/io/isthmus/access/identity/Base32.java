package io.isthmus.access.identity;

import java.util.Optional;

/**
 * RFC 4648 section 6 base32, the alphabet TOTP secrets are exchanged in ({@code otpauth://} URIs
 * that authenticator apps scan). Decoding is lenient about case, spaces and trailing padding — what
 * people type — and strict about everything else.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** Far more than any TOTP secret (RFC 4226 asks for 160 bits, 32 characters). */
    public static final int MAX_CHARS = 1024;

    private Base32() {}

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The bytes, or empty when the text is not base32 (or longer than {@link #MAX_CHARS}). */
    public static Optional<byte[]> decode(String text) {
        if (text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String s = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        byte[] out = new byte[end * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < end; i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return Optional.of(out);
    }
}
