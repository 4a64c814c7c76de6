package io.isthmus.app.transfer;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/** The command line's spelling of transfer settings: bit rates and host:port addresses. */
public final class TransferText {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmg]?)(?:bit/s|bps)?");

    private TransferText() {}

    /** {@code 100M}, {@code 1.5G}, {@code 800k} or plain bits per second. */
    public static long bitRate(String text) {
        var m = RATE.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "rate '" + text + "' is not a bit rate; write e.g. 100M, 1G or 800k (bits per second)");
        }
        double factor = switch (m.group(2)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            case "g" -> 1e9;
            default -> 1;
        };
        return Math.round(Double.parseDouble(m.group(1)) * factor);
    }

    /** {@code HOST:PORT}, with {@code [v6]:PORT} for IPv6 literals; the host must resolve now. */
    public static InetSocketAddress hostPort(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("address '" + text + "' must be HOST:PORT, e.g. 10.0.0.2:4800");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port in '" + text + "' is not a number");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " in '" + text + "' must be in 0..65535");
        }
        var address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("host '" + host + "' in '" + text + "' does not resolve");
        }
        return address;
    }
}
