package io.isthmus.sim.opcua;

import io.isthmus.sim.process.ProcessImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual factory's OPC UA server: every point of a {@link ProcessImage} as a variable in the
 * namespace {@value LineNamespace#URI}, browsable as an ISA-95 tree under Objects, readable,
 * writable where the point is, and subscribable.
 *
 * <p>The server runs on its own threads (see {@link ServerThreads}); {@link #close()} stops them
 * all, so a JVM can start and stop servers repeatedly, e.g. one per test.
 */
public final class OpcUaLineServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpcUaLineServer.class);
    private static final String PRODUCT_URI = "urn:isthmus";
    private static final long SHUTDOWN_TIMEOUT_MS = 5_000;

    private final OpcUaServerSettings settings;
    private final ServerThreads threads;
    private final TcpTransportFactory transports;
    private final OpcUaServer server;
    private final LineNamespace namespace;
    private final ApplicationCertificate certificate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpcUaLineServer(OpcUaServerSettings settings, ProcessImage image, ServerThreads threads) {
        this.settings = settings;
        this.threads = threads;
        certificate = ApplicationCertificate.loadOrCreate(settings);
        try {
            transports = new TcpTransportFactory(threads);
            server = new OpcUaServer(config(settings, certificate, threads), transports);
            namespace = new LineNamespace(server, image, settings.minimumSamplingInterval());
            namespace.startup();
        } catch (RuntimeException e) {
            certificate.close();
            throw e;
        }
    }

    /**
     * Builds the address space from {@code image.points()} and starts listening.
     *
     * @throws OpcUaServerStartException when the address and port cannot be bound (naming both) or
     *     the application certificate cannot be created
     * @throws IllegalArgumentException when the image lists a path twice
     */
    public static OpcUaLineServer start(OpcUaServerSettings settings, ProcessImage image) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(image, "image");
        long started = System.nanoTime();
        ServerThreads threads = new ServerThreads(settings.port());
        OpcUaLineServer lineServer;
        try {
            lineServer = new OpcUaLineServer(settings, image, threads);
        } catch (RuntimeException e) {
            threads.close();
            throw e;
        }
        try {
            lineServer.bind();
        } catch (RuntimeException e) {
            lineServer.close();
            throw e;
        }
        log.info(
                "OPC UA server listening on {} with {} points, started in {} ms",
                settings.endpointUrl(),
                image.points().size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return lineServer;
    }

    /** The URL clients connect to, e.g. {@code opc.tcp://127.0.0.1:4840/isthmus}. */
    public String endpointUrl() {
        return settings.endpointUrl();
    }

    /** The index the server assigned to {@value LineNamespace#URI}. */
    public int namespaceIndex() {
        return namespace.getNamespaceIndex().intValue();
    }

    public OpcUaServerSettings settings() {
        return settings;
    }

    /**
     * The server's self-signed application instance certificate; a client that connects over
     * Basic256Sha256 must trust it (put it into the client's trust list).
     */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /**
     * The directory of trusted client certificates ({@code pkiDir/trusted/certs}): a DER file of a
     * client's certificate dropped here lets that client in on the Basic256Sha256 endpoints. It is
     * watched, so no restart is needed.
     */
    public Path trustedCertificatesDir() {
        return settings.pkiDir().resolve(ApplicationCertificate.TRUSTED_CERTS);
    }

    /** Where refused client certificates are written ({@code pkiDir/rejected}). */
    public Path rejectedCertificatesDir() {
        return settings.pkiDir().resolve(ApplicationCertificate.REJECTED);
    }

    /**
     * Unbinds the port, drops sessions and subscriptions, and stops the server's threads, waiting
     * for them. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // Unbinds first and deletes subscriptions, which still reach the running namespace.
            server.shutdown().get(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("OPC UA server on {} did not shut down cleanly", settings.endpointUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            namespace.shutdown();
            threads.close();
            certificate.close();
        }
        log.info("OPC UA server on {} stopped", settings.endpointUrl());
    }

    private void bind() {
        try {
            server.startup().get();
        } catch (ExecutionException e) {
            Throwable cause = transports.bindFailure().<Throwable>map(f -> f).orElse(e.getCause());
            throw new OpcUaServerStartException(
                    "cannot bind the OPC UA server to " + settings.bindAddress().getHostAddress() + ":"
                            + settings.port() + ": " + cause.getMessage(),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpcUaServerStartException("interrupted while starting the OPC UA server", e);
        }
    }

    private static OpcUaServerConfig config(
            OpcUaServerSettings settings, ApplicationCertificate certificate, ServerThreads threads) {
        double minimumSamplingMillis = settings.minimumSamplingInterval().toNanos() / 1e6;
        return OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english(settings.applicationName()))
                .setApplicationUri(settings.applicationUri())
                .setProductUri(PRODUCT_URI)
                .setBuildInfo(new BuildInfo(
                        PRODUCT_URI, "Isthmus", settings.applicationName(), softwareVersion(), "", DateTime.now()))
                .setEndpoints(endpoints(settings, certificate))
                .setCertificateManager(certificate.manager())
                .setIdentityValidator(identityValidator(settings))
                .setLimits(new OpcUaServerConfigLimits() {
                    @Override
                    public Double getMinSupportedSampleRate() {
                        return minimumSamplingMillis;
                    }
                })
                .setExecutor(threads.executor())
                .setScheduledExecutor(threads.scheduler())
                .build();
    }

    private static Set<EndpointConfig> endpoints(OpcUaServerSettings settings, ApplicationCertificate certificate) {
        Set<EndpointConfig> endpoints = new LinkedHashSet<>();
        for (EndpointSecurity security : settings.security()) {
            endpoints.add(EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(settings.bindAddress().getHostAddress())
                    .setBindPort(settings.port())
                    .setHostname(settings.hostname())
                    .setPath(settings.path())
                    .setCertificate(certificate.certificate())
                    .setSecurityPolicy(security.policy())
                    .setSecurityMode(security.mode())
                    .addTokenPolicies(tokenPolicies(settings))
                    .build());
        }
        return endpoints;
    }

    private static UserTokenPolicy[] tokenPolicies(OpcUaServerSettings settings) {
        return settings.users().isEmpty()
                ? new UserTokenPolicy[] {OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS}
                : new UserTokenPolicy[] {
                    OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME
                };
    }

    /** Anonymous, plus the configured users; passwords are compared in constant time. */
    private static IdentityValidator identityValidator(OpcUaServerSettings settings) {
        if (settings.users().isEmpty()) {
            return AnonymousIdentityValidator.INSTANCE;
        }
        Map<String, String> users = settings.users();
        return new CompositeValidator(AnonymousIdentityValidator.INSTANCE, new UsernameIdentityValidator(challenge -> {
            String expected = users.get(challenge.getUsername());
            return expected != null
                    && challenge.getPassword() != null
                    && MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.UTF_8),
                            challenge.getPassword().getBytes(StandardCharsets.UTF_8));
        }));
    }

    private static String softwareVersion() {
        String version = OpcUaLineServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
