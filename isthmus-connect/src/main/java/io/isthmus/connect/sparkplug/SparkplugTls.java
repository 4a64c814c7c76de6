package io.isthmus.connect.sparkplug;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.isthmus.connect.config.TlsFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MQTT over TLS (usually port 8883) for a Sparkplug source: TLS 1.3 or 1.2, the broker's name
 * checked against its certificate, and optionally a client certificate for brokers that require
 * one (mosquitto's {@code require_certificate}).
 *
 * @param trustFile the certificates (PEM or DER; the site CA's or the broker's own) the broker must
 *     chain to; empty for the JDK's default trust store
 * @param clientKeyStore a PKCS#12 file with this client's key and certificate chain
 * @param clientKeyStorePassword its password (read from a file by the configuration)
 */
public record SparkplugTls(
        Optional<Path> trustFile, Optional<Path> clientKeyStore, Optional<String> clientKeyStorePassword) {
    public SparkplugTls {
        Objects.requireNonNull(trustFile, "trustFile");
        Objects.requireNonNull(clientKeyStore, "clientKeyStore");
        Objects.requireNonNull(clientKeyStorePassword, "clientKeyStorePassword");
        if (clientKeyStore.isPresent() != clientKeyStorePassword.isPresent()) {
            throw new IllegalArgumentException("tls client-keystore and client-keystore-password-file go together");
        }
    }

    /**
     * The HiveMQ client's TLS settings; the files are read here, so a wrong file or password is an
     * error when the configuration is loaded rather than at the first connection.
     */
    public MqttClientSslConfig sslConfig() {
        var b = MqttClientSslConfig.builder().protocols(List.of("TLSv1.3", "TLSv1.2"));
        trustFile.ifPresent(f -> b.trustManagerFactory(TlsFiles.trustManagers(f, "tls trust-file")));
        clientKeyStore.ifPresent(k -> b.keyManagerFactory(
                TlsFiles.keyManagers(k, clientKeyStorePassword.orElseThrow(), "tls client-keystore")));
        return b.build();
    }

    @Override
    public String toString() {
        return "SparkplugTls[trustFile=" + trustFile + ", clientKeyStore=" + clientKeyStore + ", password="
                + clientKeyStorePassword.map(p -> "***") + "]";
    }
}
