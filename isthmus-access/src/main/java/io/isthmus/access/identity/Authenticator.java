package io.isthmus.access.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the credentials of a login. People: password and TOTP code together, the code of a step
 * never accepted twice; service accounts: a token ({@link Tokens}) or a client certificate. Every
 * failure counts against the account and the source address ({@link LoginThrottle}); an unknown
 * name costs the same PBKDF2 work as a known one, so timing does not reveal which names exist.
 */
public final class Authenticator {
    private final UserDirectory users;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final PasswordHash decoy;
    private final Map<String, Long> lastTotpStep = new HashMap<>();

    public Authenticator(UserDirectory users, Tokens tokens, ThrottleLimits limits) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = new LoginThrottle(limits);
        int iterations = users.accounts().stream()
                .filter(a -> a instanceof Person)
                .mapToInt(a -> ((Person) a).password().iterations())
                .max()
                .orElse(PasswordHash.MIN_ITERATIONS);
        this.decoy = PasswordHash.create("decoy".toCharArray(), iterations, new SecureRandom());
    }

    /** A person's login with password and current TOTP code, from {@code source}. */
    public LoginResult password(String name, char[] password, String code, String source, Instant now) {
        Optional<Instant> locked = throttle.lockedUntil(name, source, now);
        if (locked.isPresent()) {
            return new LoginResult.Locked(locked.get());
        }
        Optional<Account> account = users.byName(name);
        if (!(account.orElse(null) instanceof Person p)) {
            decoy.matches(password);
            return fail(name, source, now, "unknown account or wrong credentials");
        }
        boolean passwordOk = p.password().matches(password);
        synchronized (lastTotpStep) {
            long step = Totp.match(p.totpSecret(), code, now, lastTotpStep.getOrDefault(name, Long.MIN_VALUE));
            if (!passwordOk || step < 0) {
                return fail(name, source, now, "unknown account or wrong credentials");
            }
            lastTotpStep.put(name, step);
        }
        throttle.success(name);
        return new LoginResult.Success(p);
    }

    /** A service account's login with a token signed for it. */
    public LoginResult token(String token, String source, Instant now) {
        Optional<Instant> locked = throttle.lockedUntil("", source, now);
        if (locked.isPresent()) {
            return new LoginResult.Locked(locked.get());
        }
        return switch (tokens.verify(token, now)) {
            case TokenCheck.Refused r ->
                fail("", source, now, "token refused: " + r.reason().id());
            case TokenCheck.Valid v -> {
                Optional<Account> a = users.byName(v.claims().subject());
                yield a.orElse(null) instanceof ServiceAccount s
                        ? new LoginResult.Success(s)
                        : fail("", source, now, "token subject " + v.claims().subject() + " is no service account");
            }
        };
    }

    /** The service account a verified client certificate maps to (subject and, where required, SAN). */
    public Optional<ServiceAccount> certificate(ClientCertificate c) {
        return users.byCertificate(c);
    }

    /** Whether some service account's certificate subject is this one (its SAN aside). */
    public boolean mapsSubject(String canonicalSubject) {
        return users.bySubject(canonicalSubject).isPresent();
    }

    public LoginThrottle.Counters counters() {
        return throttle.counters();
    }

    private LoginResult fail(String name, String source, Instant now, String reason) {
        throttle.failure(name, source, now);
        return new LoginResult.Failure(reason);
    }
}
