package io.isthmus.app.cli;

import io.isthmus.access.identity.Account;
import io.isthmus.access.identity.Base32;
import io.isthmus.access.identity.PasswordHash;
import io.isthmus.access.identity.Person;
import io.isthmus.access.identity.ServiceAccount;
import io.isthmus.access.identity.SubjectAltName;
import io.isthmus.access.identity.TokenKeys;
import io.isthmus.access.identity.Tokens;
import io.isthmus.app.gateway.UserFile;
import io.isthmus.policy.SubjectAttributes;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code isthmus gateway user add|totp}, {@code isthmus gateway token}: manage the gateway's identities (docs/access.md). */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Manage the access gateway's users, TOTP secrets and service tokens, or run it (serve).",
        subcommands = {
            GatewayCommand.User.class,
            GatewayCommand.Token.class,
            GatewayCommand.Code.class,
            GatewayServeCommand.class
        })
public final class GatewayCommand implements Runnable {
    static final String ISSUER = "isthmus-gateway";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "user",
            mixinStandardHelpOptions = true,
            description = "Add a user or renew a person's TOTP secret.",
            subcommands = {Add.class, Totp.class})
    static final class User implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a person (password + TOTP; the password is taken from ISTHMUS_PASSWORD or generated and printed"
                        + " once, with the TOTP secret and its otpauth:// URI) or, with --service, a service account.",
                "Only the password's PBKDF2 hash is stored."
            })
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--users", required = true, paramLabel = "FILE", description = "The user file (JSON).")
        Path users;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "A role from the policy's access section; repeatable.")
        List<String> roles = new ArrayList<>();

        @Option(
                names = "--service",
                description = "A service account (client certificate or token) instead of a person.")
        boolean service;

        @Option(
                names = "--cert-subject",
                paramLabel = "DN",
                description = "The client certificate subject of a service account.")
        String certSubject;

        @Option(
                names = "--cert-san",
                paramLabel = "dns:NAME|uri:URI",
                description = "A subject alternative name the service account's client certificate must also carry"
                        + " (with --cert-subject), e.g. uri:spiffe://acme/mes.")
        String certSan;

        @Option(
                names = "--attr",
                paramLabel = "NAME=VALUE",
                description = "An attribute access rules may test (site, company, clearance, …); repeatable.")
        List<String> attrs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> attributes;
            try {
                attributes = attributes(attrs);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            List<Account> all = new ArrayList<>(UserFile.load(users));
            if (all.stream().anyMatch(a -> a.name().equals(name))) {
                spec.commandLine().getErr().println("account " + name + " exists already in " + users);
                return ExitCodes.USAGE;
            }
            if (!service && (certSubject != null || certSan != null)) {
                spec.commandLine()
                        .getErr()
                        .println("--cert-subject and --cert-san are for service accounts (--service)");
                return ExitCodes.USAGE;
            }
            if (service) {
                all.add(new ServiceAccount(
                        name,
                        Set.copyOf(roles),
                        Optional.ofNullable(certSubject),
                        Optional.ofNullable(certSan).map(SubjectAltName::parse),
                        attributes));
                UserFile.save(users, all);
                out.println("added service account " + name + " with roles " + roles + described(attributes));
                return 0;
            }
            String given = System.getenv("ISTHMUS_PASSWORD");
            String password = given == null || given.isEmpty() ? generated() : given;
            byte[] secret = new byte[20];
            RANDOM.nextBytes(secret);
            all.add(new Person(
                    name,
                    Set.copyOf(roles),
                    PasswordHash.create(password.toCharArray(), PasswordHash.DEFAULT_ITERATIONS, RANDOM),
                    secret,
                    attributes));
            UserFile.save(users, all);
            out.println("added " + name + " with roles " + roles + described(attributes));
            if (given == null || given.isEmpty()) {
                out.println("password: " + password);
            }
            printTotp(out, name, secret);
            return 0;
        }

        /** {@code --attr site=springfield} repeated; a name given twice or a bad pair is a usage error. */
        static Map<String, String> attributes(List<String> pairs) {
            Map<String, String> out = new TreeMap<>();
            for (String p : pairs) {
                int eq = p.indexOf('=');
                if (eq <= 0 || out.put(p.substring(0, eq), p.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException(
                            "--attr '" + p + "': expected NAME=VALUE, each name once (e.g. --attr site=springfield)");
                }
            }
            return SubjectAttributes.check("--attr", out);
        }

        private static String described(Map<String, String> attributes) {
            return attributes.isEmpty() ? "" : " and attributes " + attributes;
        }
    }

    @Command(
            name = "totp",
            mixinStandardHelpOptions = true,
            description = "Give a person a new TOTP secret and print it.")
    static final class Totp implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--users", required = true, paramLabel = "FILE")
        Path users;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Account> all = new ArrayList<>(UserFile.load(users));
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof Person p && p.name().equals(name)) {
                    byte[] secret = new byte[20];
                    RANDOM.nextBytes(secret);
                    all.set(i, new Person(p.name(), p.roles(), p.password(), secret, p.attributes()));
                    UserFile.save(users, all);
                    printTotp(spec.commandLine().getOut(), name, secret);
                    return 0;
                }
            }
            spec.commandLine().getErr().println("no person " + name + " in " + users);
            return ExitCodes.USAGE;
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Sign a short-lived token (compact JWS, EdDSA) for a service account with the gateway's key"
                    + " (gateway-token.key beside the user file, created on first use).")
    static final class Token implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--users", required = true, paramLabel = "FILE")
        Path users;

        @Option(
                names = "--ttl",
                defaultValue = "5m",
                paramLabel = "DURATION",
                description = "Lifetime, e.g. 5m (at most 15m).")
        String ttl;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            boolean isService = UserFile.load(users).stream()
                    .anyMatch(a -> a instanceof ServiceAccount && a.name().equals(name));
            if (!isService) {
                spec.commandLine().getErr().println("no service account " + name + " in " + users);
                return ExitCodes.USAGE;
            }
            Duration life = Duration.parse("PT" + ttl.toUpperCase(java.util.Locale.ROOT));
            var keys = TokenKeys.loadOrCreate(users.toAbsolutePath().getParent());
            spec.commandLine()
                    .getOut()
                    .println(Tokens.issue(keys.getPrivate(), ISSUER, name, ISSUER, Instant.now(), life, RANDOM));
            return 0;
        }
    }

    @Command(
            name = "code",
            mixinStandardHelpOptions = true,
            description = {
                "Print a person's current TOTP code, read from the secret in the user file.",
                "A demo and test aid (isthmus demo prints this command): whoever can read the user file"
                        + " holds every second factor in it, so on a real gateway the codes come from the"
                        + " person's authenticator app, never from this command."
            })
    static final class Code implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--users", required = true, paramLabel = "FILE", description = "The user file (JSON).")
        Path users;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            for (Account a : UserFile.load(users)) {
                if (a instanceof Person p && p.name().equals(name)) {
                    spec.commandLine()
                            .getOut()
                            .println(io.isthmus.access.identity.Totp.codeAt(p.totpSecret(), Instant.now()));
                    return 0;
                }
            }
            spec.commandLine().getErr().println("no person " + name + " in " + users);
            return ExitCodes.USAGE;
        }
    }

    private static String generated() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base32.encode(b).toLowerCase(java.util.Locale.ROOT);
    }

    private static void printTotp(PrintWriter out, String name, byte[] secret) {
        String b32 = Base32.encode(secret);
        out.println("TOTP secret: " + b32);
        out.println("otpauth://totp/" + URLEncoder.encode("Isthmus:" + name, StandardCharsets.UTF_8) + "?secret=" + b32
                + "&issuer=Isthmus&algorithm=SHA1&digits=6&period=30");
    }
}
