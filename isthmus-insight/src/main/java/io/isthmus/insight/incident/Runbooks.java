package io.isthmus.insight.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runbooks an incident can show, by id, and the rule that picks one: a technique of the
 * incident's most severe event that has a runbook (earliest such event first), else the first of the
 * incident's techniques that has one (the adversary's behaviour decides the first steps: isolate
 * before you repair), else the first of its fault classes. Going by severity keeps a scan that
 * came first from choosing the steps when an unauthorized stop command followed.
 */
public final class Runbooks {
    /** The ATT&CK for ICS techniques the detectors of {@code observe.detect} emit. */
    public static final List<String> BUNDLED_TECHNIQUES = List.of(
            "T0801", "T0814", "T0816", "T0836", "T0843", "T0846", "T0855", "T0858", "T0878", "T0881", "T0886", "T0888",
            "T0889");
    /** The fault classes of the virtual factory (docs/virtual-factory.md). */
    public static final List<String> BUNDLED_FAULT_CLASSES =
            List.of("electrical", "safety", "mechanical", "thermal", "material");

    private static final String RESOURCES = "/io/isthmus/insight/incident/runbooks/";

    private final Map<String, Runbook> byId;

    private Runbooks(Map<String, Runbook> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static Runbooks of(List<Runbook> runbooks) {
        Map<String, Runbook> m = new TreeMap<>();
        runbooks.forEach(r -> m.put(r.id(), r));
        return new Runbooks(m);
    }

    /** The runbooks shipped in the jar: one per detected technique and per fault class. */
    public static Runbooks bundled() {
        Map<String, Runbook> m = new TreeMap<>();
        for (String t : BUNDLED_TECHNIQUES) {
            m.put(t, load(t));
        }
        for (String c : BUNDLED_FAULT_CLASSES) {
            String id = Runbook.forFaultClass(c);
            m.put(id, load(id));
        }
        return new Runbooks(m);
    }

    private static Runbook load(String id) {
        try (InputStream in = Runbooks.class.getResourceAsStream(RESOURCES + id + ".md")) {
            if (in == null) {
                throw new IllegalStateException("the bundled runbook " + id + ".md is missing from the jar");
            }
            return Runbook.parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled runbook " + id, e);
        }
    }

    /** These runbooks with {@code more} added; a runbook of {@code more} replaces one with its id. */
    public Runbooks with(List<Runbook> more) {
        Map<String, Runbook> m = new TreeMap<>(byId);
        more.forEach(r -> m.put(r.id(), r));
        return new Runbooks(m);
    }

    public Optional<Runbook> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every runbook, by id. */
    public List<Runbook> all() {
        return List.copyOf(new TreeMap<>(byId).values());
    }

    /** The runbook {@code incident} shows: by technique first, else by fault class. */
    public Optional<Runbook> choose(Incident incident) {
        List<Occurrence> bySeverity = new java.util.ArrayList<>(incident.events());
        // stable: among equally severe events the earliest stays first
        bySeverity.sort(
                java.util.Comparator.comparing((Occurrence o) -> o.event().severity())
                        .reversed());
        for (Occurrence o : bySeverity) {
            for (var t : o.event().techniques()) {
                if (byId.containsKey(t.id())) {
                    return Optional.of(byId.get(t.id()));
                }
            }
        }
        for (String t : incident.techniques()) {
            if (byId.containsKey(t)) {
                return Optional.of(byId.get(t));
            }
        }
        for (String c : incident.faultClasses()) {
            Runbook r = byId.get(Runbook.forFaultClass(c));
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
