package io.isthmus.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Base32;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.access.identity.SubjectAltName;
import io.isthmus.access.identity.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The gateway's user file (JSON, owner-only): people with their PBKDF2 password hash and TOTP
 * secret (base32), service accounts with their roles and optional client-certificate subject and
 * subject alternative name ({@code certificate-san}: {@code dns:...} or {@code uri:...}); either
 * may carry {@code attributes} (names to text values) that access rules test.
 * Never a password in clear. Written atomically (temporary file, then rename).
 */
public final class UserFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserFile() {}

    public static List<Account> load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        JsonNode users = root == null ? null : root.get("users");
        if (users == null || !users.isArray()) {
            throw new IOException(file + ": expected {\"users\": [...]}");
        }
        List<Account> out = new ArrayList<>();
        for (JsonNode u : users) {
            try {
                out.add(account(u));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IOException(file + ": user " + (out.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        new UserDirectory(out);
        return out;
    }

    private static Account account(JsonNode u) {
        String name = u.path("name").asText();
        Set<String> roles = new TreeSet<>();
        u.path("roles").forEach(r -> roles.add(r.asText()));
        Map<String, String> attributes = attributes(u.path("attributes"));
        return switch (u.path("kind").asText()) {
            case "person" ->
                new Person(
                        name,
                        roles,
                        PasswordHash.parse(u.path("password").asText()),
                        Base32.decode(u.path("totp").asText())
                                .orElseThrow(() -> new IllegalArgumentException("totp is not base32")),
                        attributes);
            case "service" ->
                new ServiceAccount(
                        name,
                        roles,
                        u.hasNonNull("certificate-subject")
                                ? Optional.of(u.get("certificate-subject").asText())
                                : Optional.empty(),
                        u.hasNonNull("certificate-san")
                                ? Optional.of(SubjectAltName.parse(
                                        u.get("certificate-san").asText()))
                                : Optional.empty(),
                        attributes);
            default ->
                throw new IllegalArgumentException(
                        "kind is person or service, not '" + u.path("kind").asText() + "'");
        };
    }

    /** {@code "attributes": {"site": "springfield"}}: an object of strings (absent for none). */
    private static Map<String, String> attributes(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("attributes is an object of names to text values");
        }
        node.fields().forEachRemaining(f -> {
            if (!f.getValue().isTextual()) {
                throw new IllegalArgumentException("attribute " + f.getKey() + " is not text");
            }
            out.put(f.getKey(), f.getValue().asText());
        });
        return out;
    }

    public static void save(Path file, List<Account> accounts) throws IOException {
        new UserDirectory(accounts);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode users = root.putArray("users");
        for (Account a : accounts) {
            ObjectNode u = users.addObject();
            u.put("name", a.name());
            u.put("kind", a instanceof Person ? "person" : "service");
            ArrayNode roles = u.putArray("roles");
            new TreeSet<>(a.roles()).forEach(roles::add);
            if (!a.attributes().isEmpty()) {
                ObjectNode attributes = u.putObject("attributes");
                new TreeMap<>(a.attributes()).forEach(attributes::put);
            }
            switch (a) {
                case Person p -> {
                    u.put("password", p.password().encode());
                    u.put("totp", Base32.encode(p.totpSecret()));
                }
                case ServiceAccount s -> {
                    s.certificateSubject().ifPresent(c -> u.put("certificate-subject", c));
                    s.certificateSan().ifPresent(c -> u.put("certificate-san", c.toString()));
                }
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
