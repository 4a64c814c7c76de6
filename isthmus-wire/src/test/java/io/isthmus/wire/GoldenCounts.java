package io.isthmus.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tshark reference counts under {@code golden/<protocol>/<capture>.counts.json}. */
public final class GoldenCounts {

    private static final Pattern ENTRY = Pattern.compile("\"(\\d+)\"\\s*:\\s*(\\d+)");

    private GoldenCounts() {}

    /** Request counts by function code as tshark 4.0.17 reports them. */
    public static Map<Integer, Long> read(String protocol, String capture) {
        String resource = "/golden/" + protocol + "/" + capture + ".counts.json";
        try (InputStream in = GoldenCounts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource);
            }
            Map<Integer, Long> counts = new TreeMap<>();
            Matcher m = ENTRY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                counts.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
