package io.isthmus.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.access.identity.Person;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.access.identity.TokenCheck;
import io.isthmus.access.identity.TokenKeys;
import io.isthmus.access.identity.TokenLimits;
import io.isthmus.access.identity.Tokens;
import io.isthmus.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The user file commands: hashes only on disk, a working TOTP secret, a token the gateway accepts. */
class GatewayCommandTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void addedPeopleAndServicesLoadBackAndTheFileHoldsNoPassword() throws Exception {
        Path users = dir.resolve("users.json");
        String added = run("gateway", "user", "add", "alice", "--users", users.toString(), "--role", "operator");
        String password = added.lines()
                .filter(l -> l.startsWith("password: "))
                .findFirst()
                .orElseThrow()
                .substring(10);
        assertThat(added).contains("otpauth://totp/Isthmus%3Aalice?secret=");
        run(
                "gateway",
                "user",
                "add",
                "mes",
                "--users",
                users.toString(),
                "--role",
                "planner",
                "--service",
                "--cert-subject",
                "CN=mes");
        var accounts = UserFile.load(users);
        assertThat(accounts).hasSize(2);
        Person alice = (Person) accounts.get(0);
        assertThat(alice.password().matches(password.toCharArray())).isTrue();
        assertThat(Files.readString(users)).doesNotContain(password).contains("pbkdf2-sha256$600000$");
        assertThat(Files.getPosixFilePermissions(users).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(((ServiceAccount) accounts.get(1)).certificateSubject()).contains("cn=mes");

        run(
                "gateway",
                "user",
                "add",
                "erp",
                "--users",
                users.toString(),
                "--role",
                "planner",
                "--service",
                "--cert-subject",
                "CN=erp,O=Acme",
                "--cert-san",
                "uri:spiffe://acme/erp");
        ServiceAccount erp = (ServiceAccount) UserFile.load(users).get(2);
        assertThat(erp.certificateSubject()).contains("cn=erp,o=acme");
        assertThat(erp.certificateSan().map(Object::toString)).contains("uri:spiffe://acme/erp");
        assertThat(Files.readString(users)).contains("\"certificate-san\" : \"uri:spiffe://acme/erp\"");

        String token = run("gateway", "token", "mes", "--users", users.toString(), "--ttl", "2m")
                .strip();
        var keys = TokenKeys.loadOrCreate(dir);
        var check = new Tokens(keys.getPublic(), "isthmus-gateway", "isthmus-gateway", TokenLimits.DEFAULT)
                .verify(token, Instant.now());
        assertThat(check).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void attributesAreAddedKeptAcrossANewTotpSecretAndBadOnesAreUsageErrors() throws Exception {
        Path users = dir.resolve("users.json");
        String added = run(
                "gateway",
                "user",
                "add",
                "sam",
                "--users",
                users.toString(),
                "--role",
                "vendor",
                "--attr",
                "company=fillco",
                "--attr",
                "site=springfield");
        assertThat(added).contains("added sam with roles [vendor] and attributes {company=fillco, site=springfield}");
        run("gateway", "user", "add", "mes", "--users", users.toString(), "--service", "--attr", "site=springfield");
        assertThat(UserFile.load(users))
                .extracting(a -> a.attributes())
                .containsExactly(
                        java.util.Map.of("company", "fillco", "site", "springfield"),
                        java.util.Map.of("site", "springfield"));
        assertThat(Files.readString(users)).contains("\"attributes\" : {");

        run("gateway", "user", "totp", "sam", "--users", users.toString());
        assertThat(UserFile.load(users).getFirst().attributes()).containsEntry("company", "fillco");

        for (String bad : new String[] {"company", "=fillco", "Company=fillco", "company=two words", "site=a;b"}) {
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(new Main());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(out));
            int code = cl.execute("gateway", "user", "add", "eve", "--users", users.toString(), "--attr", bad);
            assertThat(code).as(bad + ": " + out).isEqualTo(2);
            assertThat(out.toString()).as(bad).contains("--attr");
        }
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(out));
        assertThat(cl.execute(
                        "gateway", "user", "add", "eve", "--users", users.toString(), "--attr", "a=1", "--attr", "a=2"))
                .isEqualTo(2);
        assertThat(UserFile.load(users)).hasSize(2);
    }

    @Test
    void aUserFileWithBadAttributesNamesTheUser() throws Exception {
        Path users = dir.resolve("users.json");
        Files.writeString(
                users,
                "{\"users\": [{\"name\": \"mes\", \"kind\": \"service\", \"roles\": [], \"attributes\": {\"site\": 3}}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UserFile.load(users))
                .hasMessageContaining("user 1: attribute site is not text");
        Files.writeString(
                users,
                "{\"users\": [{\"name\": \"mes\", \"kind\": \"service\", \"roles\": [], \"attributes\": {\"Site\": \"x\"}}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UserFile.load(users))
                .hasMessageContaining("user 1: service account mes: attribute name 'Site'");
    }
}
