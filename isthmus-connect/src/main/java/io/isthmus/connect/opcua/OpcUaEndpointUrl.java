package io.isthmus.connect.opcua;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code opc.tcp://host[:port][/path]} endpoint URL (OPC UA Part 6, 7.2), parsed once at the
 * configuration boundary. The port defaults to 4840, the IANA port for opc.tcp.
 *
 * @param host a DNS name, IPv4 literal or bracketed IPv6 literal
 * @param port 1..65535
 * @param path empty or starting with {@code /}
 */
public record OpcUaEndpointUrl(String host, int port, String path) {
    public static final int DEFAULT_PORT = 4840;

    private static final Pattern URL =
            Pattern.compile("opc\\.tcp://(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?(/[^\\s?#]*)?");

    public OpcUaEndpointUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (host.isBlank()) {
            throw new IllegalArgumentException("endpoint host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("endpoint port must be 1..65535, was " + port);
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("endpoint path must be empty or start with '/', was '" + path + "'");
        }
    }

    /** Parses {@code opc.tcp://host[:port][/path]}; the error quotes the text and says what is expected. */
    public static OpcUaEndpointUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("endpoint URL is empty; expected opc.tcp://host[:port][/path]");
        }
        if (!text.startsWith("opc.tcp://")) {
            throw new IllegalArgumentException(
                    "endpoint URL '" + text + "' must start with opc.tcp:// (the only transport supported)");
        }
        Matcher m = URL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "endpoint URL '" + text + "' is not opc.tcp://host[:port][/path] (host: name, IPv4 or [IPv6])");
        }
        int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("endpoint URL '" + text + "' has port " + port + ", outside 1..65535");
        }
        return new OpcUaEndpointUrl(m.group(1), port, m.group(3) == null ? "" : m.group(3));
    }

    @Override
    public String toString() {
        return "opc.tcp://" + host + ":" + port + path;
    }
}
