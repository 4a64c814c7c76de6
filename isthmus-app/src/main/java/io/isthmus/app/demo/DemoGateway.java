package io.isthmus.app.demo;

import io.isthmus.access.audit.AuditConfig;
import io.isthmus.access.gateway.GatewayLimits;
import io.isthmus.access.gateway.Recipe;
import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Base32;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import io.isthmus.app.config.PolicyYaml;
import io.isthmus.app.config.RecipeFileYaml;
import io.isthmus.app.config.TagConfigYaml;
import io.isthmus.app.gateway.GatewaySettings;
import io.isthmus.app.gateway.ModbusOtPath;
import io.isthmus.app.gateway.UserFile;
import io.isthmus.connect.config.ConnectConfig;
import io.isthmus.model.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's access gateway, made fresh in the data directory at every start: a user file with a
 * demo {@code operator} and {@code approver} (random passwords and TOTP secrets, printed by the
 * demo), the factory's zones and conduits plus a conduit from the IDMZ (where the gateway sits, at
 * {@value #ADDRESS}) to the cell and an {@code access:} section in which the cell is a protected
 * zone, and the audit log's directory (kept across restarts with {@code --data}).
 */
public final class DemoGateway {
    /** The gateway's address towards OT: in the factory policy's IDMZ (127.0.0.48/28). */
    static final String ADDRESS = "127.0.0.50";

    static final String ACCESS = """
              - name: gateway-to-cell
                from: idmz
                to: cell
                initiator: from
                protocols: [modbus]
                access: [write, control]
                functions: [5, 6, 16]
                units: [1]
                addresses: ["0..99"]
                description: The access gateway writes approved setpoints, recipes (FC 16) and run commands (isthmus demo).
            access:
              protected-zones: [cell]
              roles:
                - name: operator
                  permissions:
                    - zone: cell
                      actions: [read, write, control]
                - name: approver
                  permissions:
                    - zone: cell
                      actions: [read, approve]
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A demo person and the credentials the demo prints. */
    public record DemoUser(String name, String role, String password, String totpSecret) {}

    private final GatewaySettings settings;
    private final List<DemoUser> users;

    private DemoGateway(GatewaySettings settings, List<DemoUser> users) {
        this.settings = settings;
        this.users = users;
    }

    static DemoGateway create(Path data, ConnectConfig devices) throws IOException {
        Path dir = Files.createDirectories(data.resolve("gateway"));
        List<DemoUser> users = List.of(user("operator"), user("approver"));
        List<Account> accounts = new ArrayList<>();
        for (DemoUser u : users) {
            accounts.add(new Person(
                    u.name(),
                    Set.of(u.role()),
                    PasswordHash.create(u.password().toCharArray(), PasswordHash.DEFAULT_ITERATIONS, RANDOM),
                    Base32.decode(u.totpSecret()).orElseThrow()));
        }
        Path userFile = dir.resolve("users.json");
        UserFile.save(userFile, accounts);
        Path policyFile = dir.resolve("policy.yaml");
        Files.writeString(policyFile, policyText());
        PolicyYaml.PolicyFile policy;
        try {
            policy = PolicyYaml.loadFile(policyFile);
        } catch (PolicyYaml.PolicyFileException e) {
            throw new IllegalStateException("the demo's gateway policy does not load: " + e.problems(), e);
        }
        GatewaySettings settings = new GatewaySettings(
                userFile,
                Optional.empty(),
                policy,
                IpLiteral.parse(ADDRESS),
                devices,
                data.resolve("audit"),
                AuditConfig.DEFAULT,
                GatewayLimits.DEFAULT);
        return new DemoGateway(settings.withRecipes(recipes(dir, devices, policy)), users);
    }

    /** The demo's named recipe: the conveyor slowed with a longer ramp, two FC 16 runs (registers 0 and 4). */
    static final String RECIPES = """
            recipes:
              - name: conveyor-gentle
                description: slow conveyor, 10 s ramp (isthmus demo)
                items:
                  - { tag: acme/springfield/packaging/line1/transport/conveyor/speedSetpoint, value: 120 }
                  - { tag: acme/springfield/packaging/line1/transport/conveyor/rampTime, value: 10 }
            """;

    /** Writes {@link #RECIPES} beside the policy and binds it as {@code gateway.recipes} would be. */
    private static List<Recipe> recipes(Path dir, ConnectConfig devices, PolicyYaml.PolicyFile policy)
            throws IOException {
        Path file = dir.resolve("recipes.yaml");
        Files.writeString(file, RECIPES);
        try {
            return RecipeFileYaml.parse(
                    file.toString(),
                    RECIPES.getBytes(StandardCharsets.UTF_8),
                    items -> ModbusOtPath.checkRecipe(devices, policy.policy(), IpLiteral.parse(ADDRESS), items));
        } catch (TagConfigYaml.TagConfigException e) {
            throw new IllegalStateException("the demo's recipes do not load: " + e.getMessage(), e);
        }
    }

    /** The shipped zones.yaml (whose last section is the conduits list) with the gateway's conduit and access rules. */
    static String policyText() throws IOException {
        try (InputStream in = DemoGateway.class.getResourceAsStream(DemoRuntime.POLICY)) {
            String zones = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return zones.stripTrailing() + "\n" + ACCESS;
        }
    }

    private static DemoUser user(String role) {
        byte[] pw = new byte[15];
        RANDOM.nextBytes(pw);
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return new DemoUser(role, role, Base32.encode(pw).toLowerCase(Locale.ROOT), Base32.encode(secret));
    }

    GatewaySettings settings() {
        return settings;
    }

    List<DemoUser> users() {
        return users;
    }
}
