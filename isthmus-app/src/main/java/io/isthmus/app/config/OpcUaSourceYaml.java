package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.opcua.ClientKeyStore;
import io.isthmus.connect.opcua.OpcUaEndpointUrl;
import io.isthmus.connect.opcua.OpcUaSecurity;
import io.isthmus.connect.opcua.OpcUaSourceConfig;
import io.isthmus.connect.opcua.UserCredentials;
import io.isthmus.connect.source.SourceDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code opcua} source as written; unset fields take {@link OpcUaSourceConfig.Builder}'s
 * defaults. Relative paths ({@code pki-dir}, {@code client-keystore}, the password files) are resolved against the
 * configuration file's directory; the password is read from its file, never written inline.
 */
final class OpcUaSourceYaml {
    final SourceDefinition.OpcUa definition;

    @JsonCreator
    OpcUaSourceYaml(
            @JacksonInject(TagConfigYaml.BASE_DIR) Path baseDir,
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty(value = "endpoint", required = true) String endpoint,
            @JsonProperty("security") String security,
            @JsonProperty("pki-dir") String pkiDir,
            @JsonProperty("application-uri") String applicationUri,
            @JsonProperty("client-keystore") String clientKeyStore,
            @JsonProperty("client-keystore-password-file") String clientKeyStorePasswordFile,
            @JsonProperty("username") String username,
            @JsonProperty("password-file") String passwordFile,
            @JsonProperty("publishing-interval") String publishingInterval,
            @JsonProperty("sampling-interval") String samplingInterval,
            @JsonProperty("queue-size") Integer queueSize,
            @JsonProperty("connect-timeout") String connectTimeout,
            @JsonProperty("request-timeout") String requestTimeout,
            @JsonProperty("backoff") Map<String, Object> backoff) {
        if (passwordFile != null && username == null) {
            throw new IllegalArgumentException(id + ": password-file needs a username");
        }
        Optional<UserCredentials> user = username == null
                ? Optional.empty()
                : Optional.of(new UserCredentials(
                        username,
                        passwordFile == null ? "" : SecretFile.read("password-file", baseDir.resolve(passwordFile))));
        if ((clientKeyStore == null) != (clientKeyStorePasswordFile == null)) {
            throw new IllegalArgumentException(
                    id
                            + ": client-keystore and client-keystore-password-file go together (a PKCS#12 file and its password)");
        }
        Optional<ClientKeyStore> own = Optional.ofNullable(clientKeyStore)
                .map(f -> new ClientKeyStore(
                        baseDir.resolve(f).normalize(),
                        SecretFile.read("client-keystore-password-file", baseDir.resolve(clientKeyStorePasswordFile))));
        var config = OpcUaSourceConfig.create(id, OpcUaEndpointUrl.parse(endpoint), b -> {
            if (security != null) b.security = OpcUaSecurity.parse(security);
            if (pkiDir != null) b.pkiDir = baseDir.resolve(pkiDir).normalize();
            if (applicationUri != null) b.applicationUri = applicationUri;
            b.clientKeyStore = own;
            b.user = user;
            if (publishingInterval != null) b.publishingInterval = DurationText.parse(publishingInterval);
            if (samplingInterval != null) b.samplingInterval = DurationText.parse(samplingInterval);
            if (queueSize != null) b.queueSize = queueSize;
            if (connectTimeout != null) b.connectTimeout = DurationText.parse(connectTimeout);
            if (requestTimeout != null) b.requestTimeout = DurationText.parse(requestTimeout);
            if (backoff != null) b.backoff = SourceYaml.backoff(backoff);
        });
        this.definition = new SourceDefinition.OpcUa(config, List.of());
    }
}
