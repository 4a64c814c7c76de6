package io.isthmus.app.edge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates an edge trusts for an {@code https://} hub: exactly those in one file (PEM with
 * one or more certificates, or one DER certificate), typically the site's CA or the hub's own
 * self-signed certificate. The JDK's default trust store is then not consulted, so a public CA
 * cannot vouch for a hub inside the plant's DMZ. Host names are checked as usual by the client.
 */
public final class HubTrust {
    private HubTrust() {}

    /** A TLS context trusting the certificates in {@code file}; the error names the file and what is wrong. */
    public static SSLContext sslContext(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("forward trust-file '" + file + "' holds no certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("hub-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new IllegalArgumentException("forward trust-file '" + file + "' cannot be read: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "forward trust-file '" + file + "' is not a PEM or DER certificate: " + e.getMessage(), e);
        }
    }
}
