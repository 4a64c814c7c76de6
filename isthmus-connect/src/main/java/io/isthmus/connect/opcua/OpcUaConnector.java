package io.isthmus.connect.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;

/**
 * Opens a session the way a careful client does (OPC UA Part 4, 5.4 GetEndpoints, 5.5 secure
 * channel, 5.6 CreateSession/ActivateSession): ask the server for its endpoints, take the one with
 * exactly the configured policy and mode (never a weaker one), address it by the configured host
 * and port rather than the host the server names (which may not resolve from here), then connect
 * with the client's certificate and identity, each step bounded by the configured timeouts.
 */
final class OpcUaConnector {
    private static final String PRODUCT_URI = "urn:isthmus";

    private OpcUaConnector() {}

    /** A connected client; the caller disconnects it. */
    static OpcUaClient connect(OpcUaSourceConfig config, Optional<ClientPki> pki)
            throws OpcUaConnectException, InterruptedException {
        String url = config.endpoint().toString();
        List<EndpointDescription> endpoints = await(
                DiscoveryClient.getEndpoints(url, transport(config)), config.connectTimeout(), url, "GetEndpoints");
        EndpointDescription endpoint = select(config, endpoints);
        OpcUaClient client;
        try {
            client = OpcUaClient.create(clientConfig(config, pki, endpoint), transport(config));
        } catch (UaException e) {
            throw new OpcUaConnectException(url + ": cannot create the client: " + describe(e), e);
        }
        try {
            await(client.connectAsync(), config.connectTimeout().plus(config.requestTimeout()), url, "connect");
            return client;
        } catch (OpcUaConnectException | InterruptedException | RuntimeException e) {
            disconnectQuietly(client, config.requestTimeout());
            throw e;
        }
    }

    /** Ends the session, waiting at most {@code timeout}; a dead server is no error here. */
    static void disconnectQuietly(OpcUaClient client, Duration timeout) {
        try {
            client.disconnectAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the server is gone or slow; the channel is closed either way
        }
    }

    private static EndpointDescription select(OpcUaSourceConfig config, List<EndpointDescription> endpoints)
            throws OpcUaConnectException {
        SecurityPolicy policy = policy(config.security().policy());
        MessageSecurityMode mode = mode(config.security().mode());
        return endpoints.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst()
                .map(e -> EndpointUtil.updateUrl(
                        e, config.endpoint().host(), config.endpoint().port()))
                .orElseThrow(() -> new OpcUaConnectException(config.endpoint() + " offers no endpoint with security "
                        + config.security() + "; it offers " + offered(endpoints)));
    }

    private static String offered(List<EndpointDescription> endpoints) {
        return endpoints.stream()
                .map(e -> e.getSecurityPolicyUri()
                                .substring(e.getSecurityPolicyUri().indexOf('#') + 1) + "/" + e.getSecurityMode())
                .distinct()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static OpcUaClientConfig clientConfig(
            OpcUaSourceConfig config, Optional<ClientPki> pki, EndpointDescription endpoint) {
        OpcUaClientConfigBuilder b = OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("Isthmus connect"))
                .setApplicationUri(config.applicationUri())
                .setProductUri(PRODUCT_URI)
                .setSessionName(() -> "isthmus-" + config.id())
                .setEndpoint(endpoint)
                .setRequestTimeout(uint(config.requestTimeout().toMillis()))
                .setIdentityProvider(config.user()
                        .<org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider>map(
                                u -> new UsernameProvider(u.username(), u.password()))
                        .orElse(AnonymousProvider.INSTANCE));
        pki.ifPresent(p -> b.setKeyPair(p.keyPair())
                .setCertificate(p.certificate())
                .setCertificateChain(new X509Certificate[] {p.certificate()})
                .setCertificateValidator(p.validator()));
        return b.build();
    }

    private static Consumer<OpcTcpClientTransportConfigBuilder> transport(OpcUaSourceConfig config) {
        return t -> t.setConnectTimeout(uint(config.connectTimeout().toMillis()));
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String url, String step)
            throws OpcUaConnectException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OpcUaConnectException(url + ": " + step + " got no answer within " + timeout, e);
        } catch (ExecutionException e) {
            throw new OpcUaConnectException(url + ": " + step + " failed: " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** The OPC UA status name where there is one, e.g. {@code Bad_SecurityChecksFailed}. */
    static String describe(Throwable t) {
        Throwable c = t;
        while (c != null && !(c instanceof UaException) && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        if (c instanceof UaException ua) {
            String name = StatusCodes.lookup(ua.getStatusCode().getValue())
                    .map(n -> n[0])
                    .orElse(ua.getStatusCode().toString());
            String message = ua.getMessage();
            return message == null || message.contains(name) ? name : name + " (" + message + ")";
        }
        return String.valueOf(t);
    }

    static SecurityPolicy policy(OpcUaSecurity.Policy policy) {
        return switch (policy) {
            case NONE -> SecurityPolicy.None;
            case BASIC256SHA256 -> SecurityPolicy.Basic256Sha256;
        };
    }

    static MessageSecurityMode mode(OpcUaSecurity.Mode mode) {
        return switch (mode) {
            case NONE -> MessageSecurityMode.None;
            case SIGN -> MessageSecurityMode.Sign;
            case SIGN_AND_ENCRYPT -> MessageSecurityMode.SignAndEncrypt;
        };
    }
}
