package io.isthmus.access.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement "the log had {@code size} records and this root at {@code time}". Anyone with
 * the public key can check it; a record changed, removed or moved before {@code size} changes the
 * root and no longer matches.
 *
 * @param size records covered
 * @param rootHex the Merkle tree root (RFC 6962 2.1) of the first {@code size} records, lower-case hex
 * @param time when the log signed it
 * @param signature Ed25519 (RFC 8032) over {@link #signedText()}, base64
 */
public record Checkpoint(long size, String rootHex, Instant time, String signature) {
    private static final String ALGORITHM = "Ed25519";

    public Checkpoint {
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint size must be >= 0, was " + size);
        }
        Objects.requireNonNull(rootHex, "rootHex");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
        if (!rootHex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checkpoint root must be 64 lower-case hex digits");
        }
    }

    /** Signs the tree state. */
    public static Checkpoint sign(long size, byte[] root, Instant time, PrivateKey key) {
        String hex = HexFormat.of().formatHex(root);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(text(size, hex, time).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(size, hex, time, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot sign an audit checkpoint with an " + key.getAlgorithm() + " key", e);
        }
    }

    /** Whether the signature is the key's over this size, root and time. */
    public boolean verify(PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(signedText().getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] root() {
        return HexFormat.of().parseHex(rootHex);
    }

    /** What is signed: a versioned, line-oriented text, so a signature means one thing only. */
    public String signedText() {
        return text(size, rootHex, time);
    }

    private static String text(long size, String rootHex, Instant time) {
        return "isthmus-audit-checkpoint v1\n" + size + "\n" + rootHex + "\n" + time + "\n";
    }

    /** The line in the checkpoint file: size, root, time and signature separated by tabs. */
    public String line() {
        return size + "\t" + rootHex + "\t" + time + "\t" + signature;
    }

    /** Reads a checkpoint line; never throws. */
    public static ParsedCheckpoint parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 4 || line.length() > 512) {
            return new ParsedCheckpoint.Invalid("expected size, root, time and signature separated by tabs");
        }
        try {
            return new ParsedCheckpoint.Parsed(new Checkpoint(Long.parseLong(f[0]), f[1], Instant.parse(f[2]), f[3]));
        } catch (NumberFormatException | DateTimeParseException e) {
            return new ParsedCheckpoint.Invalid("bad size or time");
        } catch (IllegalArgumentException e) {
            return new ParsedCheckpoint.Invalid(e.getMessage());
        }
    }

    /** The outcome of reading a checkpoint line. */
    public sealed interface ParsedCheckpoint {
        record Parsed(Checkpoint checkpoint) implements ParsedCheckpoint {}

        record Invalid(String reason) implements ParsedCheckpoint {}
    }
}
