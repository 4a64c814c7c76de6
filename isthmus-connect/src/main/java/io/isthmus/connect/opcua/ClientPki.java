package io.isthmus.connect.opcua;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The client side of OPC UA application authentication (Part 2, 4.10; Part 6, 6.2): the client's
 * own application instance certificate and the trust list it checks servers against, all in one
 * directory an operator can manage with a file manager:
 *
 * <pre>
 * pkiDir/own/client.pfx         own key and self-signed certificate (PKCS#12), created on first use
 * pkiDir/own/client.der         the same certificate in DER, to copy into a server's trust list
 * pkiDir/trusted/certs, /crl    trusted server certificates (DER or PEM) and their CRLs
 * pkiDir/issuer/certs, /crl     CA certificates that sign server certificates, and their CRLs
 * pkiDir/rejected               server certificates refused so far; move one to trusted/certs to trust it
 * </pre>
 *
 * A certificate and key issued elsewhere can be given instead as a PKCS#12 file ({@link
 * ClientKeyStore}); {@code own/} is then not used. The self-made certificate is replaced when it
 * no longer names the configured ApplicationUri or expires
 * within a day. Trusted directories are watched, so a certificate dropped in counts on the next
 * connect without a restart. {@link #close()} stops the watcher.
 */
final class ClientPki implements AutoCloseable {
    static final String OWN_DIR = "own";
    static final String KEY_STORE_FILE = "client.pfx";
    static final String CERTIFICATE_FILE = "client.der";
    static final String REJECTED_DIR = "rejected";

    /** Guards only against casual reading; the directory itself is created owner-only. */
    private static final char[] KEY_STORE_PASSWORD = "isthmus-opcua-client".toCharArray();

    private static final NodeId TYPE = NodeIds.RsaSha256ApplicationCertificateType;

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateValidator validator;

    private ClientPki(
            KeyPair keyPair,
            X509Certificate certificate,
            FileBasedTrustListManager trustList,
            CertificateValidator validator) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.validator = validator;
    }

    /** Opens {@code pkiDir}, creating the directories and the certificate when missing. */
    static ClientPki open(Path pkiDir, String applicationUri) {
        return open(pkiDir, applicationUri, Optional.empty());
    }

    /**
     * Opens {@code pkiDir} for its trust list; the client's own certificate and key come from
     * {@code own} when given (it must name {@code applicationUri}), else from {@code pkiDir/own},
     * created when missing.
     */
    static ClientPki open(Path pkiDir, String applicationUri, Optional<ClientKeyStore> own) {
        FileBasedTrustListManager trustList = null;
        try {
            createPrivateDirectory(pkiDir);
            CertificateStore.Entry entry;
            if (own.isPresent()) {
                entry = given(own.get(), applicationUri);
            } else {
                createPrivateDirectory(pkiDir.resolve(OWN_DIR));
                var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                        pkiDir.resolve(OWN_DIR).resolve(KEY_STORE_FILE),
                        KEY_STORE_PASSWORD::clone,
                        alias -> KEY_STORE_PASSWORD.clone()));
                entry = ownEntry(store, applicationUri);
                writeDer(entry.certificateChain[0], pkiDir.resolve(OWN_DIR).resolve(CERTIFICATE_FILE));
            }
            X509Certificate certificate = entry.certificateChain[0];
            trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
            var quarantine = FileBasedCertificateQuarantine.create(pkiDir.resolve(REJECTED_DIR));
            return new ClientPki(
                    new KeyPair(certificate.getPublicKey(), entry.privateKey),
                    certificate,
                    trustList,
                    new DefaultClientCertificateValidator(trustList, quarantine));
        } catch (Exception e) {
            closeQuietly(trustList);
            throw new IllegalStateException(
                    "cannot open the OPC UA client PKI directory " + pkiDir + ": " + e.getMessage(), e);
        }
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    CertificateValidator validator() {
        return validator;
    }

    @Override
    public void close() {
        closeQuietly(trustList);
    }

    /** The one private key entry of a PKCS#12 file, checked to name the ApplicationUri. */
    private static CertificateStore.Entry given(ClientKeyStore own, String applicationUri) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(own.file())) {
            ks.load(in, own.password().toCharArray());
        }
        String alias = null;
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                if (alias != null) {
                    throw new IllegalArgumentException(
                            "client key store " + own.file() + " holds more than one key; keep only the client's");
                }
                alias = a;
            }
        }
        if (alias == null) {
            throw new IllegalArgumentException("client key store " + own.file() + " holds no private key");
        }
        var key = (PrivateKey) ks.getKey(alias, own.password().toCharArray());
        X509Certificate[] chain = Arrays.stream(ks.getCertificateChain(alias))
                .map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        Optional<String> uri = CertificateUtil.getSanUri(chain[0]);
        if (!uri.filter(applicationUri::equals).isPresent()) {
            throw new IllegalArgumentException("the certificate in " + own.file() + " names ApplicationUri "
                    + uri.orElse("(none)") + ", the source is " + applicationUri
                    + "; set application-uri to the certificate's (OPC UA Part 6, 6.2.2)");
        }
        return new CertificateStore.Entry(key, chain);
    }

    private static CertificateStore.Entry ownEntry(CertificateStore store, String applicationUri) throws Exception {
        if (store.contains(TYPE)) {
            CertificateStore.Entry stored = store.get(TYPE);
            X509Certificate cert = stored.certificateChain[0];
            boolean sameUri = CertificateUtil.getSanUri(cert)
                    .filter(applicationUri::equals)
                    .isPresent();
            boolean valid = cert.getNotAfter().after(Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
            if (sameUri && valid) {
                return stored;
            }
        }
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Isthmus OPC UA client")
                .setOrganization("Isthmus")
                .setApplicationUri(applicationUri)
                .addDnsName(localHostName())
                .setValidityPeriod(Period.ofYears(3))
                .build();
        var entry = new CertificateStore.Entry(keyPair.getPrivate(), new X509Certificate[] {cert});
        store.set(TYPE, entry);
        return entry;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static void writeDer(X509Certificate certificate, Path file)
            throws IOException, CertificateEncodingException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, certificate.getEncoded());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
}
