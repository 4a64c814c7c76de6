package io.isthmus.model;

import io.isthmus.model.UnknownTechniqueException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The MITRE ATT&CK for ICS technique catalog: which technique ids exist, what they are called and
 * which tactics they serve. Detection rules and events name techniques by id; resolving every id
 * here means a typo or a retired technique fails when a rule is loaded, not when an alert is shown.
 *
 * <p>The data lives in {@code attack-ics-techniques.tsv} next to this class, which names the
 * ATT&CK version and source; {@link #bundled()} reads it once.
 */
public final class AttackIcs {
    static final String RESOURCE = "attack-ics-techniques.tsv";

    private final String version;
    private final Map<String, Technique> active;
    private final Map<String, String> deprecated;
    private final List<Technique> all;

    private AttackIcs(String version, Map<String, Technique> active, Map<String, String> deprecated) {
        this.version = version;
        this.active = active;
        this.deprecated = deprecated;
        this.all = List.copyOf(active.values());
    }

    /** The catalog shipped with Isthmus, read from the resource on first use. */
    public static AttackIcs bundled() {
        return Bundled.CATALOG;
    }

    private static final class Bundled {
        static final AttackIcs CATALOG = load();

        private static AttackIcs load() {
            try (InputStream in = AttackIcs.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return parse(reader.lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The ATT&CK for ICS version the catalog was taken from, e.g. {@code 17.1}. */
    public String version() {
        return version;
    }

    /**
     * The technique with this id, e.g. {@code T0855}.
     *
     * @throws UnknownTechniqueException when the id is malformed, not an ICS technique, or deprecated
     */
    public Technique technique(String id) {
        Objects.requireNonNull(id, "technique id");
        Technique t = active.get(id);
        if (t != null) {
            return t;
        }
        if (!Technique.ID.matcher(id).matches()) {
            String normalised = id.strip().toUpperCase(Locale.ROOT);
            String hint = Technique.ID.matcher(normalised).matches()
                    ? " (ids are upper case without spaces: " + normalised + ")"
                    : "";
            throw new UnknownTechniqueException(
                    id,
                    Reason.MALFORMED,
                    "'" + id + "' is not a technique id; expected T followed by 4 digits, e.g. T0855" + hint);
        }
        String name = deprecated.get(id);
        if (name != null) {
            throw new UnknownTechniqueException(
                    id,
                    Reason.DEPRECATED,
                    id + " (" + name + ") is deprecated in ATT&CK for ICS and no longer a technique in v" + version);
        }
        String hint = id.startsWith("T1")
                ? "; T1xxx ids are ATT&CK Enterprise techniques (or ICS sub-techniques from v19, not covered here)"
                : "";
        throw new UnknownTechniqueException(
                id, Reason.NOT_IN_CATALOG, id + " is not an ATT&CK for ICS technique (v" + version + ")" + hint);
    }

    /** True when {@code id} names a current (not deprecated) technique. */
    public boolean isKnown(String id) {
        return id != null && active.containsKey(id);
    }

    /** Every current technique, by id. */
    public List<Technique> all() {
        return all;
    }

    /** The current techniques serving a tactic, by id. */
    public List<Technique> serving(Tactic tactic) {
        return all.stream().filter(t -> t.serves(tactic)).toList();
    }

    /**
     * Reads the catalog format: {@code #} comment lines (one of them {@code # version: N}) and
     * tab-separated rows {@code id, active|deprecated, name, tactics}. Package-private so that tests
     * can feed it broken catalogs.
     */
    static AttackIcs parse(List<String> lines) {
        String version = null;
        Map<String, Technique> active = new TreeMap<>();
        Map<String, String> deprecated = new TreeMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.startsWith("# version:")) {
                version = line.substring("# version:".length()).strip();
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw corrupt(
                        n, "has " + cols.length + " tab-separated columns; expected 4 (id, status, name, tactics)");
            }
            String id = cols[0];
            if (active.containsKey(id) || deprecated.containsKey(id)) {
                throw corrupt(n, "lists " + id + " a second time");
            }
            try {
                switch (cols[1]) {
                    case "active" -> active.put(id, new Technique(id, cols[2], tactics(cols[3])));
                    case "deprecated" -> deprecated.put(id, deprecatedName(id, cols[2], cols[3]));
                    default ->
                        throw new IllegalArgumentException("status '" + cols[1] + "' is neither active nor deprecated");
                }
            } catch (IllegalArgumentException e) {
                throw corrupt(n, e.getMessage());
            }
        }
        if (version == null) {
            throw new IllegalStateException(RESOURCE + " has no '# version:' line naming the ATT&CK version");
        }
        return new AttackIcs(version, Collections.unmodifiableMap(active), Map.copyOf(deprecated));
    }

    /** A deprecated row keeps its name for the error message; MITRE no longer assigns it tactics. */
    private static String deprecatedName(String id, String name, String tactics) {
        if (!Technique.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a technique id; expected T followed by 4 digits");
        }
        Components.requireNonBlank(name, "name of technique " + id);
        if (!tactics.equals("-")) {
            throw new IllegalArgumentException(
                    "deprecated technique " + id + " lists tactics '" + tactics + "'; write -");
        }
        return name;
    }

    private static Set<Tactic> tactics(String column) {
        Set<Tactic> tactics = EnumSet.noneOf(Tactic.class);
        Arrays.stream(column.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Tactic::fromId)
                .forEach(tactics::add);
        return tactics;
    }

    private static IllegalStateException corrupt(int line, String reason) {
        return new IllegalStateException(RESOURCE + " line " + line + ": " + reason);
    }
}
