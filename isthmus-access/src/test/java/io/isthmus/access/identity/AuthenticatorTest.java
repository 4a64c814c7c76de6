package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two factors for people, tokens and certificates for services, lockout and throttling for everyone. */
class AuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final byte[] SECRET = "12345678901234567890".getBytes();
    private final SecureRandom random = new SecureRandom();
    private final KeyPair keys = keys();
    private final Person alice = new Person(
            "alice",
            Set.of("operator"),
            PasswordHash.create("pw-alice".toCharArray(), PasswordHash.MIN_ITERATIONS, random),
            SECRET);
    private final ServiceAccount mes = new ServiceAccount("mes", Set.of("planner"), Optional.of("CN=mes, O=Acme"));
    private final Authenticator auth = new Authenticator(
            new UserDirectory(List.of(alice, mes)),
            new Tokens(keys.getPublic(), "gw", "gateway", TokenLimits.DEFAULT),
            new ThrottleLimits(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15), 100));

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private LoginResult login(String pw, String code, String source, Instant at) {
        return auth.password("alice", pw.toCharArray(), code, source, at);
    }

    @Test
    void passwordAndCurrentCodeLogIn() {
        assertThat(login("pw-alice", Totp.codeAt(SECRET, NOW), "10.0.0.1", NOW))
                .isEqualTo(new LoginResult.Success(alice));
    }

    @Test
    void aCodeUsedOnceIsRefusedTheSecondTime() {
        String code = Totp.codeAt(SECRET, NOW);
        assertThat(login("pw-alice", code, "10.0.0.1", NOW)).isInstanceOf(LoginResult.Success.class);
        assertThat(login("pw-alice", code, "10.0.0.1", NOW.plusSeconds(5))).isInstanceOf(LoginResult.Failure.class);
    }

    @Test
    void oneFactorAloneIsNotEnoughAndTheFailureDoesNotSayWhich() {
        LoginResult badCode =
                login("pw-alice", "000000".equals(Totp.codeAt(SECRET, NOW)) ? "111111" : "000000", "10.0.0.1", NOW);
        LoginResult badPassword = login("nope", Totp.codeAt(SECRET, NOW), "10.0.0.1", NOW);
        LoginResult unknown = auth.password("mallory", "x".toCharArray(), "123456", "10.0.0.1", NOW);
        assertThat(badCode).isEqualTo(badPassword).isEqualTo(unknown);
    }

    @Test
    void threeFailuresLockTheAccountEvenForTheRightCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("wrong", "000000", "10.0.0." + i, NOW)).isInstanceOf(LoginResult.Failure.class);
        }
        assertThat(login("pw-alice", Totp.codeAt(SECRET, NOW), "10.0.0.9", NOW)).isInstanceOf(LoginResult.Locked.class);
        assertThat(login(
                        "pw-alice",
                        Totp.codeAt(SECRET, NOW.plus(Duration.ofMinutes(16))),
                        "10.0.0.9",
                        NOW.plus(Duration.ofMinutes(16))))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(auth.counters().locks()).isEqualTo(1);
        assertThat(auth.counters().refused()).isEqualTo(1);
    }

    @Test
    void aSprayFromOneAddressThrottlesThatAddressForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            auth.password("user" + i, "guess".toCharArray(), "000000", "192.0.2.7", NOW);
        }
        assertThat(login("pw-alice", Totp.codeAt(SECRET, NOW), "192.0.2.7", NOW))
                .isInstanceOf(LoginResult.Locked.class);
        assertThat(login("pw-alice", Totp.codeAt(SECRET, NOW), "10.0.0.1", NOW))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aServiceTokenLogsInItsAccountOnce() {
        String t = Tokens.issue(keys.getPrivate(), "gw", "mes", "gateway", NOW, Duration.ofMinutes(1), random);
        assertThat(auth.token(t, "10.0.0.2", NOW)).isEqualTo(new LoginResult.Success(mes));
        assertThat(auth.token(t, "10.0.0.2", NOW)).isInstanceOf(LoginResult.Failure.class);
    }

    @Test
    void aTokenForAPersonIsNoWayAroundTheSecondFactor() {
        String t = Tokens.issue(keys.getPrivate(), "gw", "alice", "gateway", NOW, Duration.ofMinutes(1), random);
        assertThat(auth.token(t, "10.0.0.2", NOW)).isInstanceOf(LoginResult.Failure.class);
    }

    @Test
    void aCertificateSubjectMapsToItsServiceAccountWhateverItsSpacing() {
        assertThat(auth.certificate(ClientCertificate.subjectOnly(ServiceAccount.canonical("x", "cn=mes,o=acme"))))
                .contains(mes);
        assertThat(auth.certificate(ClientCertificate.subjectOnly(ServiceAccount.canonical("x", "CN=other"))))
                .isEmpty();
    }
}
