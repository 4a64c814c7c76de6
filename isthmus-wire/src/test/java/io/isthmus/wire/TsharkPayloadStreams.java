package io.isthmus.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads of a shared capture as tshark extracted them ({@code streams/extract.sh}), grouped
 * into flow directions in capture order. The direction hint is what a session layer would derive
 * from the well-known server port.
 */
public final class TsharkPayloadStreams {

    /** One direction of one TCP connection (segments) or UDP flow (datagrams). */
    public record FlowDirection(String transport, int sourcePort, int destinationPort, List<byte[]> payloads) {

        public boolean datagrams() {
            return transport.equals("udp");
        }

        public Direction hint(int serverPort) {
            return destinationPort == serverPort ? Direction.REQUEST : Direction.RESPONSE;
        }
    }

    private TsharkPayloadStreams() {}

    public static List<FlowDirection> load(String capture) {
        String resource = "/streams/" + capture + ".streams";
        try (InputStream in = TsharkPayloadStreams.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FlowDirection> parse(String text) {
        Map<String, FlowDirection> flows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            String key = f[0] + "/" + f[1] + "/" + f[2] + ">" + f[3];
            flows.computeIfAbsent(
                            key,
                            k -> new FlowDirection(
                                    f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), new ArrayList<>()))
                    .payloads()
                    .add(HexFormat.of().parseHex(f[4].replace(":", "")));
        }
        return new ArrayList<>(flows.values());
    }
}
