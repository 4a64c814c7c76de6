package io.isthmus.sim.opcua;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's application instance certificate (OPC UA Part 6, 6.2.2), self-signed and kept in a
 * PKCS#12 key store under the settings' pkiDir, so restarts reuse it and clients that trusted it
 * once keep trusting it.
 *
 * <p>Every endpoint carries the certificate, even with SecurityPolicy None. A stored certificate
 * is replaced when it no longer names the configured ApplicationUri or host, or expires within a
 * day.
 *
 * <p>Client certificates presented on a Basic256Sha256 endpoint are checked against a file-based
 * trust list under pkiDir (Part 12, 7.3 trust lists; Milo's layout): {@code trusted/certs} and
 * {@code trusted/crl} for trusted certificates and their CRLs, {@code issuer/certs} and {@code
 * issuer/crl} for CAs, and refused certificates are written to {@code rejected}. The directories
 * are watched, so a certificate copied into {@code trusted/certs} counts without a restart.
 */
final class ApplicationCertificate implements AutoCloseable {

    static final String KEY_STORE_FILE = "isthmus-opcua-server.pfx";

    /** Protects a simulator's self-signed key on a test bench; not a secret worth more. */
    private static final char[] KEY_STORE_PASSWORD = "isthmus-sim".toCharArray();

    private static final NodeId TYPE = NodeIds.RsaSha256ApplicationCertificateType;

    static final String TRUSTED_CERTS = "trusted/certs";
    static final String REJECTED = "rejected";

    private final CertificateManager manager;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;

    private ApplicationCertificate(
            CertificateManager manager, X509Certificate certificate, FileBasedTrustListManager trustList) {
        this.manager = manager;
        this.certificate = certificate;
        this.trustList = trustList;
    }

    /** Loads the certificate from pkiDir, creating or replacing it when needed. */
    static ApplicationCertificate loadOrCreate(OpcUaServerSettings settings) {
        Path keyStore = settings.pkiDir().resolve(KEY_STORE_FILE);
        FileBasedTrustListManager trustList = null;
        try {
            createPrivateDirectory(settings.pkiDir());
            var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                    keyStore, KEY_STORE_PASSWORD::clone, alias -> KEY_STORE_PASSWORD.clone()));
            discardIfStale(store, settings);
            trustList = FileBasedTrustListManager.createAndInitialize(settings.pkiDir());
            var quarantine =
                    FileBasedCertificateQuarantine.create(settings.pkiDir().resolve(REJECTED));
            var group = DefaultApplicationGroup.createAndInitialize(
                    trustList,
                    store,
                    new SelfSignedFactory(settings),
                    new DefaultServerCertificateValidator(trustList, quarantine));
            X509Certificate certificate = group.getCertificateChain(TYPE)
                    .orElseThrow(() -> new IllegalStateException("no certificate after initialisation"))[0];
            return new ApplicationCertificate(new DefaultCertificateManager(quarantine, group), certificate, trustList);
        } catch (Exception e) {
            closeQuietly(trustList);
            throw new OpcUaServerStartException(
                    "cannot load or create the OPC UA application certificate in " + keyStore + ": " + e.getMessage(),
                    e);
        }
    }

    CertificateManager manager() {
        return manager;
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** Stops watching the trust list directories. */
    @Override
    public void close() {
        closeQuietly(trustList);
    }

    private static void closeQuietly(FileBasedTrustListManager trustList) {
        if (trustList == null) {
            return;
        }
        try {
            trustList.close();
        } catch (IOException e) {
            // only the watcher thread's end is at stake; it is a daemon
        }
    }

    private static void discardIfStale(CertificateStore store, OpcUaServerSettings settings) throws Exception {
        if (!store.contains(TYPE)) {
            return;
        }
        X509Certificate stored = store.get(TYPE).certificateChain[0];
        boolean sameUri = CertificateUtil.getSanUri(stored)
                .filter(settings.applicationUri()::equals)
                .isPresent();
        String host = bareHost(settings.hostname());
        boolean sameHost = CertificateUtil.getSanDnsNames(stored).contains(host)
                || CertificateUtil.getSanIpAddresses(stored).contains(host);
        boolean valid = stored.getNotAfter().after(Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
        if (!(sameUri && sameHost && valid)) {
            store.remove(TYPE);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static String bareHost(String hostname) {
        return hostname.startsWith("[") ? hostname.substring(1, hostname.length() - 1) : hostname;
    }

    /** Issues the self-signed RSA-SHA256 certificate naming this server's URI and host. */
    private static final class SelfSignedFactory extends RsaSha256CertificateFactory {
        private final OpcUaServerSettings settings;

        SelfSignedFactory(OpcUaServerSettings settings) {
            this.settings = settings;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
            var builder = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(settings.applicationName())
                    .setOrganization("Isthmus")
                    .setApplicationUri(settings.applicationUri())
                    .setValidityPeriod(Period.ofYears(3));
            String host = bareHost(settings.hostname());
            if (isIpLiteral(host)) {
                builder.addIpAddress(host);
            } else {
                builder.addDnsName(host);
            }
            return new X509Certificate[] {builder.build()};
        }

        private static boolean isIpLiteral(String host) {
            return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }
    }
}
