package io.isthmus.connect.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's certificate and key given as a PKCS#12 file instead of the self-made one in {@code pkiDir/own}. */
class ClientKeyStoreTest {
    static final String URI = "urn:acme:edge7";
    static final String PASSWORD = "k3ystore-pass";

    @TempDir
    Path dir;

    private X509Certificate write(Path file, String applicationUri, int keys) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        X509Certificate first = null;
        for (int i = 0; i < keys; i++) {
            KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate cert = new SelfSignedCertificateBuilder(kp)
                    .setCommonName("edge7")
                    .setApplicationUri(applicationUri)
                    .setValidityPeriod(Period.ofDays(2))
                    .build();
            ks.setKeyEntry("client" + i, kp.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
            first = first == null ? cert : first;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return first;
    }

    @Test
    void the_given_certificate_and_key_are_used_and_no_own_certificate_is_made() throws Exception {
        Path p12 = dir.resolve("edge7.p12");
        X509Certificate cert = write(p12, URI, 1);
        try (ClientPki pki = ClientPki.open(dir.resolve("pki"), URI, Optional.of(new ClientKeyStore(p12, PASSWORD)))) {
            assertThat(pki.certificate()).isEqualTo(cert);
            assertThat(pki.keyPair().getPublic()).isEqualTo(cert.getPublicKey());
        }
        assertThat(dir.resolve("pki/own")).doesNotExist();
        assertThat(dir.resolve("pki/trusted/certs")).isDirectory();
        assertThat(new ClientKeyStore(p12, PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void a_certificate_naming_another_application_uri_is_refused_saying_which() throws Exception {
        Path p12 = dir.resolve("other.p12");
        write(p12, "urn:acme:other", 1);
        assertThatThrownBy(
                        () -> ClientPki.open(dir.resolve("pki"), URI, Optional.of(new ClientKeyStore(p12, PASSWORD))))
                .hasMessageContaining("names ApplicationUri urn:acme:other, the source is " + URI);
    }

    @Test
    void a_key_store_with_two_keys_or_a_wrong_password_is_refused() throws Exception {
        Path two = dir.resolve("two.p12");
        write(two, URI, 2);
        assertThatThrownBy(
                        () -> ClientPki.open(dir.resolve("pki"), URI, Optional.of(new ClientKeyStore(two, PASSWORD))))
                .hasMessageContaining("more than one key");
        Path one = dir.resolve("one.p12");
        write(one, URI, 1);
        assertThatThrownBy(() -> ClientPki.open(dir.resolve("pki"), URI, Optional.of(new ClientKeyStore(one, "wrong"))))
                .hasMessageContaining("cannot open the OPC UA client PKI directory");
    }
}
