package io.isthmus.observe.inventory;

import io.isthmus.model.MacAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Vendor names of MAC address blocks (MA-L, the 24-bit OUIs) from the IEEE Registration Authority's
 * public listing, as Debian's {@code ieee-data} package installs it ({@value #DEBIAN_PATH}) or, when
 * that is missing, from the compressed copy bundled with Isthmus (see the SOURCES file beside it for
 * its date). Locally administered and group addresses have no vendor.
 */
public final class OuiRegistry {
    public static final String DEBIAN_PATH = "/usr/share/ieee-data/oui.csv";
    static final String BUNDLED = "oui.csv.gz";
    /** The limit on one line: the IEEE's longest line is under 300 characters. */
    static final int MAX_LINE = 4_096;

    private final Map<Integer, String> vendors;
    private final String source;
    private final long skippedLines;

    private OuiRegistry(Map<Integer, String> vendors, String source, long skippedLines) {
        this.vendors = vendors;
        this.source = source;
        this.skippedLines = skippedLines;
    }

    /** Debian's registry when installed, else the bundled copy. */
    public static OuiRegistry load() {
        Path debian = Path.of(DEBIAN_PATH);
        try {
            if (Files.isReadable(debian)) {
                try (InputStream in = Files.newInputStream(debian)) {
                    return parse(in, debian.toString());
                }
            }
            return bundled();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OUI registry " + debian + ": " + e.getMessage(), e);
        }
    }

    /** The copy bundled in Isthmus's jar. */
    public static OuiRegistry bundled() throws IOException {
        InputStream raw = OuiRegistry.class.getResourceAsStream(BUNDLED);
        if (raw == null) {
            throw new IOException("the bundled OUI registry " + BUNDLED + " is missing from the class path");
        }
        try (InputStream in = new GZIPInputStream(raw)) {
            return parse(in, "bundled " + BUNDLED);
        }
    }

    /**
     * Reads the IEEE CSV layout {@code Registry,Assignment,Organization Name,Organization Address}
     * (RFC 4180 quoting). Lines that are not an MA-L row with six hex digits are skipped and counted;
     * over-long lines are cut at {@value #MAX_LINE} characters.
     */
    public static OuiRegistry parse(InputStream in, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        Map<Integer, String> vendors = new HashMap<>(40_000);
        long skipped = 0;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            List<String> f = fields(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line);
            if (f.size() < 3
                    || !f.get(0).equals("MA-L")
                    || !isOui(f.get(1))
                    || f.get(2).isBlank()) {
                if (!line.startsWith("Registry,")) {
                    skipped++;
                }
                continue;
            }
            // some registry names end in a stray comma ("Siemens AG,")
            String name = f.get(2).strip().replaceAll("[,\\s]+$", "");
            vendors.putIfAbsent(
                    Integer.parseInt(f.get(1), 16), name.isEmpty() ? f.get(2).strip() : name);
        }
        return new OuiRegistry(vendors, source, skipped);
    }

    private static boolean isOui(String s) {
        if (s.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Splits one CSV line; a quote inside a quoted field is doubled (RFC 4180, 2.7). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>(4);
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** The organisation the MAC's OUI is assigned to; empty for unassigned, local and group addresses. */
    public Optional<String> vendor(MacAddress mac) {
        if (mac.isMulticast() || mac.isLocallyAdministered()) {
            return Optional.empty();
        }
        return Optional.ofNullable(vendors.get(mac.oui()));
    }

    /** Where the registry came from: a file path or the bundled copy. */
    public String source() {
        return source;
    }

    public int size() {
        return vendors.size();
    }

    /** Lines that were neither the header nor a usable MA-L row. */
    public long skippedLines() {
        return skippedLines;
    }
}
