package io.isthmus.connect.config;

/**
 * A device's TCP endpoint. Any host name or address is allowed; plant devices normally sit on
 * private addresses.
 */
public record HostPort(String host, int port) {
    public HostPort {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must be a name or address without spaces, was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /** Parses {@code host:port} or {@code [v6-address]:port}. */
    public static HostPort parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("endpoint is missing; write host:port, e.g. 10.0.0.5:502");
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port, e.g. 10.0.0.5:502");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = text.substring(colon + 1);
        if (!port.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("'" + port + "' in '" + text + "' is not a port number");
        }
        return new HostPort(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
