package io.isthmus.app.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The gateway's TLS material: its own key and certificate (a PKCS#12 key store) and, for mTLS, the
 * client certificates or CAs it trusts (a PKCS#12 trust store). Only TLS 1.3 is offered (the
 * connector pins the protocol).
 *
 * @param trustStore when present, clients may present a certificate; one that verifies and whose
 *     subject maps to a service account authenticates that account
 */
public record GatewayTls(Path keyStore, char[] keyStorePassword, Optional<Path> trustStore, char[] trustStorePassword) {
    public SSLContext context() throws IOException {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore, keyStorePassword), keyStorePassword);
            TrustManagerFactory tmf = null;
            if (trustStore.isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore.get(), trustStorePassword));
            }
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key or trust store unusable: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
