package io.isthmus.connect.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the TLS material a configuration names: trusted certificates from a PEM (one or more) or
 * DER file, and a private key with its certificate chain from a PKCS#12 key store. Errors name the
 * setting ({@code field}) and the file, and never contain a password. They carry no cause: the
 * configuration loaders report the innermost message, which must be this one.
 */
public final class TlsFiles {
    private TlsFiles() {}

    /** The certificates in {@code file} as a trust store. */
    public static KeyStore certificates(Path file, String field) {
        try (InputStream in = Files.newInputStream(file)) {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(field + " '" + file + "' holds no certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("trusted-" + i++, c);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException(field + " '" + file + "' cannot be read: " + e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    field + " '" + file + "' is not a PEM or DER certificate: " + e.getMessage());
        }
    }

    /** Trust managers for exactly the certificates in {@code file}. */
    public static TrustManagerFactory trustManagers(Path file, String field) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(certificates(file, field));
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(field + " '" + file + "' unusable: " + e.getMessage());
        }
    }

    /** Key managers for the key and chain in a PKCS#12 key store. */
    public static KeyManagerFactory keyManagers(Path keyStore, String password, String field) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            if (!ks.aliases().hasMoreElements()) {
                throw new IllegalArgumentException(field + " '" + keyStore + "' is empty");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            return kmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    field + " '" + keyStore + "' cannot be opened (wrong password or not PKCS#12): " + e.getMessage());
        }
    }
}
