package io.isthmus.app.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.isthmus.connect.config.HostPort;
import io.isthmus.connect.source.SourceDefinition;
import io.isthmus.connect.sparkplug.SparkplugPathRule;
import io.isthmus.connect.sparkplug.SparkplugSourceConfig;
import io.isthmus.connect.sparkplug.SparkplugTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code sparkplug} source as written; unset fields take {@link SparkplugSourceConfig.Builder}'s
 * defaults. The broker password is read from {@code password-file} (relative to the configuration
 * file's directory), never written inline.
 */
final class SparkplugSourceYaml {
    final SourceDefinition.Sparkplug definition;

    @JsonCreator
    SparkplugSourceYaml(
            @JacksonInject(TagConfigYaml.BASE_DIR) Path baseDir,
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty(value = "broker", required = true) String broker,
            @JsonProperty("client-id") String clientId,
            @JsonProperty("group") String group,
            @JsonProperty("edge-node") String edgeNode,
            @JsonProperty("device") String device,
            @JsonProperty("host-id") String hostId,
            @JsonProperty("username") String username,
            @JsonProperty("password-file") String passwordFile,
            @JsonProperty("rebirth-on-gap") Boolean rebirthOnGap,
            @JsonProperty("rebirth-interval") String rebirthInterval,
            @JsonProperty("connect-timeout") String connectTimeout,
            @JsonProperty("keep-alive") String keepAlive,
            @JsonProperty("backoff") Map<String, Object> backoff,
            @JsonProperty("path-prefix") String pathPrefix,
            @JsonProperty("tls") Map<String, Object> tls) {
        Optional<String> password = passwordFile == null
                ? Optional.empty()
                : Optional.of(SecretFile.read("password-file", baseDir.resolve(passwordFile)));
        var config = SparkplugSourceConfig.create(id, HostPort.parse(broker), b -> {
            if (clientId != null) b.clientId = clientId;
            if (group != null) b.group = group;
            b.edgeNode = Optional.ofNullable(edgeNode);
            b.device = Optional.ofNullable(device);
            if (hostId != null) b.hostId = hostId;
            b.username = Optional.ofNullable(username);
            b.password = password;
            if (rebirthOnGap != null) b.rebirthOnGap = rebirthOnGap;
            if (rebirthInterval != null) b.rebirthInterval = DurationText.parse(rebirthInterval);
            if (connectTimeout != null) b.connectTimeout = DurationText.parse(connectTimeout);
            if (keepAlive != null) b.keepAlive = DurationText.parse(keepAlive);
            if (backoff != null) b.backoff = SourceYaml.backoff(backoff);
            b.pathRule = Optional.ofNullable(pathPrefix).map(SparkplugPathRule::new);
            b.tls = Optional.ofNullable(tls).map(t -> tls(t, baseDir));
        });
        this.definition = new SourceDefinition.Sparkplug(config, List.of());
    }

    /** {@code tls: { trust-file: F, client-keystore: F, client-keystore-password-file: F }}, all optional. */
    private static SparkplugTls tls(Map<String, Object> m, Path baseDir) {
        SourceYaml.known("tls", m, java.util.Set.of("trust-file", "client-keystore", "client-keystore-password-file"));
        Optional<Path> trust = Optional.ofNullable(m.get("trust-file"))
                .map(f -> baseDir.resolve(String.valueOf(f)).normalize());
        Optional<Path> keyStore = Optional.ofNullable(m.get("client-keystore"))
                .map(f -> baseDir.resolve(String.valueOf(f)).normalize());
        Optional<String> password = Optional.ofNullable(m.get("client-keystore-password-file"))
                .map(f -> SecretFile.read(
                        "tls client-keystore-password-file",
                        baseDir.resolve(String.valueOf(f)).normalize()));
        SparkplugTls tls = new SparkplugTls(trust, keyStore, password);
        tls.sslConfig(); // unreadable files or a wrong password are configuration errors, reported now
        return tls;
    }
}
