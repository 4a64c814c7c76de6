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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application payloads of a capture as tshark extracted them, one line per frame:
 * {@code frame<TAB>stream<TAB>srcport<TAB>dstport<TAB>hex}. Grouped into flow directions in frame
 * order, for vector tests that need no capture reader. The extraction command is in the README of
 * the folder holding the streams.
 */
public final class CaptureStreams {

    /** One direction of one flow: its payload segments in frame order. */
    public record FlowDirection(String stream, int sourcePort, int destinationPort, List<Segment> segments) {}

    /** One frame's payload. */
    public record Segment(int frame, byte[] payload) {}

    private static final Pattern COUNT = Pattern.compile("\"(\\d+)\"\\s*:\\s*(\\d+)");

    private CaptureStreams() {}

    /** Bytes from annotated hex: spaces, newlines and {@code |} separators are ignored. */
    public static byte[] hex(String annotated) {
        return HexFormat.of().parseHex(annotated.replaceAll("[\\s|]", ""));
    }

    public static List<FlowDirection> load(String resource) {
        Map<String, FlowDirection> flows = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            String[] f = line.split("\t");
            if (f.length < 5 || f[4].isEmpty()) {
                continue;
            }
            String key = f[1] + ":" + f[2] + ">" + f[3];
            flows.computeIfAbsent(
                            key,
                            k -> new FlowDirection(
                                    f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), new ArrayList<>()))
                    .segments()
                    .add(new Segment(Integer.parseInt(f[0]), HexFormat.of().parseHex(f[4])));
        }
        return List.copyOf(flows.values());
    }

    /**
     * A golden counts file: a flat JSON object of decimal function number to count, as the
     * README beside it says how tshark produced it.
     */
    public static Map<Integer, Long> counts(String resource) {
        Map<Integer, Long> counts = new TreeMap<>();
        Matcher m = COUNT.matcher(String.join("\n", lines(resource)));
        while (m.find()) {
            counts.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = CaptureStreams.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
