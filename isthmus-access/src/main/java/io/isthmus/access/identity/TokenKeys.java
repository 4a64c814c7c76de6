package io.isthmus.access.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The gateway's Ed25519 token-signing key pair beside the user file: {@code gateway-token.key}
 * (PKCS#8 PEM, owner-only) and {@code gateway-token.pub}. Whoever holds the private key can mint
 * service-account tokens, so it stays on the gateway host.
 */
public final class TokenKeys {
    public static final String PRIVATE_FILE = "gateway-token.key";
    public static final String PUBLIC_FILE = "gateway-token.pub";

    private TokenKeys() {}

    public static KeyPair loadOrCreate(Path dir) throws IOException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv)) {
                return new KeyPair(
                        f.generatePublic(new X509EncodedKeySpec(der(pub, "PUBLIC KEY"))),
                        f.generatePrivate(new PKCS8EncodedKeySpec(der(priv, "PRIVATE KEY"))));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(PRIVATE_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmp, priv, StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("token key in " + dir + " is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    private static byte[] der(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + " has no " + begin + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException x) {
            throw new IOException(file + ": bad base64 in the " + label + " block", x);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
