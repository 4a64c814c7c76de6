package io.isthmus.access.identity;

import io.isthmus.access.audit.AuditKeys;
import java.io.IOException;
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
                        f.generatePublic(new X509EncodedKeySpec(AuditKeys.der(pub, "PUBLIC KEY"))),
                        f.generatePrivate(new PKCS8EncodedKeySpec(AuditKeys.der(priv, "PRIVATE KEY"))));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(PRIVATE_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    tmp, AuditKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, AuditKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmp, priv, StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("token key in " + dir + " is not an Ed25519 key pair: " + e.getMessage(), e);
        }
    }
}
