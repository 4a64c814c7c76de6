package io.isthmus.app.gateway;

import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * The files of a hub's {@code gateway:} section, written into a test's directory: a user file with
 * {@code alice} (operator) and {@code bob} (approver), the policy of {@link GatewayFixture} (the
 * gateway at 127.0.0.50 in the dmz, the PLC at 127.0.0.10 in the protected cell) and a device
 * table pointing at {@code plc} ({@code host:port}).
 */
public final class HubGatewayFiles {
    public static final char[] PASSWORD = GatewayFixture.PW;
    public static final byte[] TOTP_ALICE = GatewayFixture.TOTP;
    public static final byte[] TOTP_BOB = GatewayFixture.TOTP_BOB;

    private HubGatewayFiles() {}

    /** Writes the files and returns the {@code gateway:} section that names them. */
    public static String write(Path dir, String plc) throws IOException {
        PasswordHash h = PasswordHash.create(PASSWORD, PasswordHash.MIN_ITERATIONS, new SecureRandom());
        List<Account> users = List.of(
                new Person("alice", Set.of("operator"), h, TOTP_ALICE),
                new Person("bob", Set.of("approver"), h, TOTP_BOB));
        UserFile.save(dir.resolve("users.json"), users);
        Files.writeString(dir.resolve("policy.yaml"), GatewayFixture.POLICY, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("devices.yaml"), GatewayFixture.devices(plc), StandardCharsets.UTF_8);
        return """
                gateway:
                  users: users.json
                  policy: policy.yaml
                  address: 127.0.0.50
                  devices: devices.yaml
                  audit: audit
                  approval-expiry: 5m
                """;
    }
}
