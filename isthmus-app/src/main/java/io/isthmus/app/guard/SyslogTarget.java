package io.isthmus.app.guard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where syslog messages go: {@code udp://host:port} (one message per datagram, RFC 5426) or
 * {@code tcp://host:port} (octet-counted frames, RFC 6587 3.4.1).
 */
public record SyslogTarget(Transport transport, String host, int port) {
    public enum Transport {
        UDP,
        TCP
    }

    public SyslogTarget {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("syslog port must be 1..65535, was " + port);
        }
    }

    public static SyslogTarget parse(String text) {
        if (!text.startsWith("udp://") && !text.startsWith("tcp://")) {
            throw new IllegalArgumentException(
                    "syslog target '" + text + "' must start with udp:// or tcp://, e.g. udp://127.0.0.1:514");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            Transport t = switch (scheme) {
                case "udp" -> Transport.UDP;
                case "tcp" -> Transport.TCP;
                default ->
                    throw new IllegalArgumentException(
                            "syslog target '" + text + "' must start with udp:// or tcp://, e.g. udp://127.0.0.1:514");
            };
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(
                        "syslog target '" + text + "' needs a host and a port, e.g. " + scheme + "://127.0.0.1:514");
            }
            return new SyslogTarget(t, uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("syslog target '" + text + "' is not a URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
    }
}
