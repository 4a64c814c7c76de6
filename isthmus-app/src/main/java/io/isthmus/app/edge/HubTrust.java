package io.isthmus.app.edge;

import io.isthmus.connect.config.TlsFiles;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of an edge talking to an {@code https://} hub: the certificates it trusts —
 * exactly those in one file (PEM with one or more certificates, or one DER certificate), typically
 * the site's CA or the hub's own self-signed certificate, so a public CA cannot vouch for a hub
 * inside the plant's DMZ (host names are checked as usual by the client) — and, for mutual TLS, its
 * own client key and certificate.
 */
public final class HubTrust {
    private HubTrust() {}

    /**
     * The edge's client key and certificate chain for mutual TLS.
     *
     * @param keyStore a PKCS#12 file; the certificate's subject CN is the edge's site id
     * @param password its password (read from a file, never written in edge.yaml)
     */
    public record ClientKey(Path keyStore, String password) {
        public ClientKey {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ClientKey[keyStore=" + keyStore + ", password=***]";
        }
    }

    /** A TLS context trusting the certificates in {@code file}; the error names the file and what is wrong. */
    public static SSLContext sslContext(Path file) {
        return sslContext(Optional.of(file), Optional.empty());
    }

    /**
     * A TLS context trusting the certificates in {@code trust} (the JDK's defaults when empty) and
     * presenting {@code client} when the hub asks for a certificate.
     */
    public static SSLContext sslContext(Optional<Path> trust, Optional<ClientKey> client) {
        try {
            TrustManagerFactory tmf = trust.map(f -> TlsFiles.trustManagers(f, "forward trust-file"))
                    .orElse(null);
            KeyManagerFactory kmf = client.map(
                            k -> TlsFiles.keyManagers(k.keyStore(), k.password(), "forward client-keystore"))
                    .orElse(null);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("forward TLS settings unusable: " + e.getMessage(), e);
        }
    }

    /**
     * The certificates in a PEM (one or more) or DER file as a trust store; {@code field} names the
     * setting in errors.
     */
    public static KeyStore certificates(Path file, String field) {
        return TlsFiles.certificates(file, field);
    }
}
