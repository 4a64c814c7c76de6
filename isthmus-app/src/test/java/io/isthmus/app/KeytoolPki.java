package io.isthmus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test PKI in one directory, made by the JDK's own keytool (no library, nothing checked in): CAs,
 * certificates they sign with their chain, self-signed keys. Every key is EC P-256 and valid for two
 * days; every store is PKCS#12 with one password. File names are relative to the directory.
 */
public final class KeytoolPki {
    private final Path dir;
    private final String password;

    public KeytoolPki(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** A CA: its key store {@code name.p12} (alias {@code ca}) and its certificate {@code name.pem}. */
    public void ca(String name, String dname) throws Exception {
        keyPair(name + ".p12", "ca", dname, "bc:c");
        exportCertificate(name + ".p12", "ca", name + ".pem");
    }

    /** A self-signed key {@code store} under {@code alias}; {@code ext} (e.g. {@code san=ip:127.0.0.1}) may be null. */
    public void keyPair(String store, String alias, String dname, String ext) throws Exception {
        List<String> args = new ArrayList<>(
                List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname));
        if (ext != null) {
            args.addAll(List.of("-ext", ext));
        }
        args.addAll(List.of("-validity", "2", "-storetype", "PKCS12", "-keystore", store));
        keytool(args.toArray(String[]::new));
    }

    /**
     * A key store {@code store} (alias {@code alias}) whose certificate the CA {@code ca} (see
     * {@link #ca}) signed, with the CA's certificate in the chain; {@code san} (e.g.
     * {@code uri:spiffe://acme/mes}) may be null.
     */
    public void signed(String store, String alias, String dname, String ca, String san) throws Exception {
        keyPair(store, alias, dname, null);
        keytool("-certreq", "-alias", alias, "-keystore", store, "-file", store + ".csr");
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca + ".p12",
                "-infile",
                store + ".csr",
                "-outfile",
                store + ".pem",
                "-validity",
                "2"));
        if (san != null) {
            gencert.addAll(List.of("-ext", "san=" + san));
        }
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca + ".pem", "-keystore", store);
        keytool("-importcert", "-alias", alias, "-file", store + ".pem", "-keystore", store);
    }

    /** Writes the certificate of {@code alias} in {@code store} as PEM to {@code file}. */
    public void exportCertificate(String store, String alias, String file) throws Exception {
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store, "-file", file);
    }

    /** Runs keytool in the directory with the store password; a failure fails the test with keytool's output. */
    public void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", password));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("keytool %s finishes", args[0])
                .isTrue();
        assertThat(p.exitValue())
                .as("keytool " + String.join(" ", args) + ": " + out)
                .isZero();
    }
}
