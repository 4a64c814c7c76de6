package io.isthmus.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.isthmus.model.Zone;
import io.isthmus.observe.detect.LatencyTolerances;
import io.isthmus.observe.detect.PollingDriftLimits;
import io.isthmus.policy.AccessRules;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Policy;
import io.isthmus.policy.PolicyProblem;
import io.isthmus.policy.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a zones-and-conduits policy file (YAML, docs/guard.md) to a validated {@link Policy}.
 * Every error reads {@code file:line:column: what is wrong} and points at the zone or conduit
 * entry it is about; validation problems are all reported, not only the first.
 */
public final class PolicyYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PolicyYaml() {}

    public static Policy load(Path file) throws PolicyFileException {
        return loadFile(file).policy();
    }

    /**
     * The zones-and-conduits policy, its {@code access:} section (no section: nothing allowed) and
     * the tolerances of its {@code detection:} section (no section: the defaults).
     */
    public record PolicyFile(
            Policy policy, AccessRules access, PollingDriftLimits pollingDrift, LatencyTolerances latencyTolerances) {}

    public static PolicyFile loadFile(Path file) throws PolicyFileException {
        try {
            return parseFile(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(List.of("no such policy file: " + file));
        } catch (IOException e) {
            throw new PolicyFileException(List.of("cannot read policy file " + file + ": " + e.getMessage()));
        }
    }

    public static Policy parse(String source, byte[] yaml) throws PolicyFileException {
        return parseFile(source, yaml).policy();
    }

    public static PolicyFile parseFile(String source, byte[] yaml) throws PolicyFileException {
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw single(source, p.currentTokenLocation(), "a policy is a mapping with 'zones' and 'conduits'");
            }
            List<Located<Zone>> zones = List.of();
            List<Located<ConduitRule>> conduits = List.of();
            AccessSection access = null;
            DetectionSection detection = DetectionSection.DEFAULT;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation at = p.currentTokenLocation();
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "zones" ->
                        zones = list(source, p, "zones", ZoneYaml.class).stream()
                                .map(l -> new Located<>(l.at(), l.value().zone))
                                .toList();
                    case "conduits" ->
                        conduits = list(source, p, "conduits", ConduitYaml.class).stream()
                                .map(l -> new Located<>(l.at(), l.value().rule))
                                .toList();
                    case "access" -> access = access(source, p);
                    case "detection" -> detection = detection(source, p);
                    case "description" -> p.skipChildren();
                    default ->
                        throw single(
                                source,
                                at,
                                "unknown field '" + field
                                        + "'; expected zones, conduits, access, detection, description");
                }
            }
            Policy policy = validate(source, zones, conduits);
            return new PolicyFile(
                    policy,
                    access == null ? AccessRules.NONE : rules(source, access, policy),
                    detection.pollingDrift(),
                    latencyTolerances(source, detection.latency(), policy));
        } catch (JsonProcessingException e) {
            throw single(source, e.getLocation(), YamlProblems.reason(e));
        } catch (IOException e) {
            throw new PolicyFileException(List.of(source + ": " + e.getMessage()));
        }
    }

    private record Located<T>(JsonLocation at, T value) {}

    /**
     * The {@code detection:} section as read: the polling-drift detector's tolerances and the
     * latency tolerances by conduit name, checked against the policy's conduits once it is known.
     */
    private record DetectionSection(
            PollingDriftLimits pollingDrift, List<Located<Map.Entry<String, Duration>>> latency) {
        static final DetectionSection DEFAULT = new DetectionSection(PollingDriftLimits.DEFAULT, List.of());
    }

    /** The {@code detection:} section (docs/guard.md). */
    private static DetectionSection detection(String source, JsonParser p) throws IOException, PolicyFileException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw single(
                    source,
                    p.currentTokenLocation(),
                    "'detection' is a mapping with 'polling-drift' and 'latency-tolerance'");
        }
        PollingDriftLimits limits = PollingDriftLimits.DEFAULT;
        List<Located<Map.Entry<String, Duration>>> latency = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation at = p.currentTokenLocation();
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "polling-drift" -> {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw single(source, at, "'polling-drift' is a mapping with " + PollingDriftYaml.FIELDS);
                    }
                    try {
                        var fields = ScalarSection.read(source, p, "detection.polling-drift", PollingDriftYaml.FIELDS);
                        limits = PollingDriftYaml.bind(source, fields, "", "detection.polling-drift");
                    } catch (TagConfigYaml.TagConfigException e) {
                        throw new PolicyFileException(List.of(e.getMessage()));
                    }
                }
                case "latency-tolerance" -> latency = latency(source, p, at);
                case "description" -> p.skipChildren();
                default ->
                    throw single(
                            source,
                            at,
                            "unknown field '" + field
                                    + "' in detection; expected polling-drift, latency-tolerance, description");
            }
        }
        return new DetectionSection(limits, latency);
    }

    /** {@code latency-tolerance:}, a mapping from conduit name to the longest response time ({@code 50ms}). */
    private static List<Located<Map.Entry<String, Duration>>> latency(String source, JsonParser p, JsonLocation at)
            throws IOException, PolicyFileException {
        String shape = "'latency-tolerance' is a mapping from conduit name to a duration, e.g. 'hmi-to-cell: 50ms'";
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw single(source, at, shape);
        }
        List<Located<Map.Entry<String, Duration>>> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation entryAt = p.currentTokenLocation();
            String conduit = p.currentName();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue()) {
                throw single(source, entryAt, shape);
            }
            String text = p.getText();
            Duration tolerance;
            try {
                tolerance = DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw single(
                        source,
                        entryAt,
                        "detection.latency-tolerance." + conduit + ": " + e.getMessage() + ", was '" + text + "'");
            }
            if (tolerance.isNegative() || tolerance.isZero()) {
                throw single(
                        source,
                        entryAt,
                        "detection.latency-tolerance." + conduit + ": must be positive, was '" + text + "'");
            }
            out.add(new Located<>(entryAt, Map.entry(conduit, tolerance)));
        }
        return out;
    }

    /** The tolerances, each naming a conduit of {@code policy}. */
    private static LatencyTolerances latencyTolerances(
            String source, List<Located<Map.Entry<String, Duration>>> latency, Policy policy)
            throws PolicyFileException {
        Map<String, Duration> byConduit = new LinkedHashMap<>();
        for (Located<Map.Entry<String, Duration>> l : latency) {
            String name = l.value().getKey();
            if (policy.conduits().stream().noneMatch(c -> c.name().equals(name))) {
                throw single(
                        source,
                        l.at(),
                        "detection.latency-tolerance: no conduit named '" + name + "'; the policy's conduits are "
                                + policy.conduits().stream()
                                        .map(ConduitRule::name)
                                        .toList());
            }
            byConduit.put(name, l.value().getValue());
        }
        return new LatencyTolerances(byConduit);
    }

    private record AccessSection(JsonLocation at, List<Located<Role>> roles, Set<String> protectedZones) {}

    private static AccessSection access(String source, JsonParser p) throws IOException, PolicyFileException {
        JsonLocation start = p.currentTokenLocation();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw single(source, start, "'access' is a mapping with 'roles' and 'protected-zones'");
        }
        List<Located<Role>> roles = List.of();
        Set<String> protectedZones = Set.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation at = p.currentTokenLocation();
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "roles" ->
                    roles = list(source, p, "roles", RoleYaml.class).stream()
                            .map(l -> new Located<>(l.at(), l.value().role))
                            .toList();
                case "protected-zones" -> {
                    try {
                        protectedZones = Set.of(YAML.readValue(p, String[].class));
                    } catch (JsonProcessingException e) {
                        throw single(source, at, "'protected-zones' is a list of zone names");
                    }
                }
                case "description" -> p.skipChildren();
                default ->
                    throw single(
                            source,
                            at,
                            "unknown field '" + field + "' in access; expected roles, protected-zones, description");
            }
        }
        return new AccessSection(start, roles, protectedZones);
    }

    private static AccessRules rules(String source, AccessSection access, Policy policy) throws PolicyFileException {
        try {
            return AccessRules.of(
                    access.roles().stream().map(Located::value).toList(), access.protectedZones(), policy);
        } catch (io.isthmus.policy.PolicyException e) {
            List<String> messages = new ArrayList<>();
            for (PolicyProblem problem : e.problems()) {
                JsonLocation at = access.at();
                for (Located<Role> r : access.roles()) {
                    if (problem.subject() == PolicyProblem.Subject.ROLE
                            && r.value().name().equals(problem.name())) {
                        at = r.at();
                    }
                }
                messages.add(YamlProblems.at(source, at, problem.toString()));
            }
            throw new PolicyFileException(messages);
        }
    }

    private static <T> List<Located<T>> list(String source, JsonParser p, String name, Class<T> type)
            throws IOException, PolicyFileException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw single(source, p.currentTokenLocation(), "'" + name + "' is a list, each entry starting with '- '");
        }
        List<Located<T>> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            try {
                out.add(new Located<>(at, YAML.readValue(p, type)));
            } catch (JsonProcessingException e) {
                throw single(source, at, name + " entry " + (out.size() + 1) + ": " + YamlProblems.reason(e));
            }
        }
        return out;
    }

    private static Policy validate(String source, List<Located<Zone>> zones, List<Located<ConduitRule>> conduits)
            throws PolicyFileException {
        Map<String, JsonLocation> zoneAt = new HashMap<>();
        zones.forEach(z -> zoneAt.putIfAbsent(z.value().name(), z.at()));
        Map<String, JsonLocation> conduitAt = new HashMap<>();
        conduits.forEach(c -> conduitAt.putIfAbsent(c.value().name(), c.at()));
        List<Zone> z = zones.stream().map(Located::value).toList();
        List<ConduitRule> c = conduits.stream().map(Located::value).toList();
        List<PolicyProblem> problems = Policy.problems(z, c);
        if (!problems.isEmpty()) {
            List<String> messages = new ArrayList<>();
            for (PolicyProblem problem : problems) {
                JsonLocation at = switch (problem.subject()) {
                    case ZONE -> lastOf(zones, problem.name(), zoneAt);
                    case CONDUIT -> lastOf(conduits, problem.name(), conduitAt);
                    case ROLE -> null; // roles are validated with the access section
                };
                messages.add(YamlProblems.at(source, at, problem.toString()));
            }
            throw new PolicyFileException(messages);
        }
        try {
            return Policy.of(z, c);
        } catch (io.isthmus.policy.PolicyException e) {
            throw new PolicyFileException(List.of(source + ": " + e.getMessage()));
        }
    }

    /** The entry a problem is about; for a duplicate name, the later one. */
    private static <T> JsonLocation lastOf(List<Located<T>> entries, String name, Map<String, JsonLocation> first) {
        JsonLocation at = first.get(name);
        int seen = 0;
        for (Located<T> e : entries) {
            String n = e.value() instanceof Zone z ? z.name() : ((ConduitRule) e.value()).name();
            if (n.equals(name) && ++seen > 1) {
                at = e.at();
            }
        }
        return at;
    }

    private static PolicyFileException single(String source, JsonLocation at, String message) {
        return new PolicyFileException(List.of(YamlProblems.at(source, at, message)));
    }

    /** A policy file that cannot be used; each message says where and why. */
    public static final class PolicyFileException extends Exception {
        private final transient List<String> problems;

        public PolicyFileException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
