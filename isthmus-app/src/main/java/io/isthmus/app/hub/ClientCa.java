package io.isthmus.app.hub;

import io.isthmus.app.edge.HubTrust;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CA (or CAs, or pinned self-signed certificates) whose client certificates one path of the hub
 * accepts: the edges' for {@code /api/ingest} ({@code hub.ingest.tls.client-ca}), the gateway
 * service accounts' for {@code /gw} ({@code gateway.client-ca}).
 *
 * <p>Why a second check after the TLS handshake: one listener serves both paths, so its handshake
 * trusts the union of both sets and proves only that the client holds the key of a certificate one
 * of them issued. Each path then checks the chain against its own set ({@link #issued}), so that a
 * gateway service certificate whose CN happens to be a site id is no edge, and an edge certificate
 * is no gateway user.
 */
public final class ClientCa {
    private final Path file;
    private final KeyStore store;
    private final X509TrustManager trust;

    private ClientCa(Path file, KeyStore store, X509TrustManager trust) {
        this.file = file;
        this.store = store;
        this.trust = trust;
    }

    /**
     * The certificates of a PEM (one or more) or DER file.
     *
     * @param field the setting in errors, e.g. {@code gateway client-ca}
     * @throws IllegalArgumentException the file cannot be read or holds no certificate (named)
     */
    public static ClientCa load(Path file, String field) {
        KeyStore store = HubTrust.certificates(file, field);
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    return new ClientCa(file, store, x);
                }
            }
            throw new IllegalArgumentException(field + " '" + file + "': the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(field + " '" + file + "' unusable: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Whether the chain a client presented (its certificate first) leads to one of these
     * certificates and is valid now, by the JDK's PKIX rules for a TLS client (validity, basic
     * constraints, key usage and extended key usage when present).
     */
    public boolean issued(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return false;
        }
        try {
            trust.checkClientTrusted(chain.clone(), chain[0].getPublicKey().getAlgorithm());
            return true;
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * One trust store with the certificates of every set: what the shared listener's handshake
     * accepts before each path checks its own set.
     */
    static KeyStore union(List<ClientCa> sets) {
        try {
            KeyStore all = KeyStore.getInstance("PKCS12");
            all.load(null, null);
            int i = 0;
            for (ClientCa ca : sets) {
                for (String alias : Collections.list(ca.store.aliases())) {
                    all.setCertificateEntry("client-ca-" + i++, ca.store.getCertificate(alias));
                }
            }
            return all;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("an empty in-memory PKCS#12 store always loads", e);
        }
    }
}
