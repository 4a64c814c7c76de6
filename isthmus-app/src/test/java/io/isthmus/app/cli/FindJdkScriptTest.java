package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/find-jdk is what ./isthmus, ./mvnw and .ci/run use to pick a JDK >= 21. */
class FindJdkScriptTest {
    private static final Path SCRIPT =
            Path.of("..", "bin", "find-jdk").toAbsolutePath().normalize();

    /** Coreutils only; a javac found there (Debian's default 17) is too old and must be passed over. */
    private static final String SYSTEM_PATH = "/usr/bin:/bin";

    private record Result(int code, String out, String err) {}

    private static Result findJdk(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
        pb.environment().clear();
        pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    @Test
    void withoutAnyJdk21ItSaysSoInOneSentenceAndExitsWith2() throws Exception {
        Result r =
                findJdk(Map.of("PATH", SYSTEM_PATH, "JAVA_HOME", "/nonexistent", "ISTHMUS_JDK_DIRS", "/nonexistent"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Isthmus needs a JDK 21 or newer").doesNotContain("\n");
    }

    @Test
    void aJavaHomeOfAtLeast21IsTakenAsItIs() throws Exception {
        String home = System.getProperty("java.home"); // the JDK running this test is >= 21
        Result r = findJdk(Map.of("PATH", SYSTEM_PATH, "JAVA_HOME", home, "ISTHMUS_JDK_DIRS", "/nonexistent"));
        assertThat(r.code()).isZero();
        assertThat(Path.of(r.out())).isEqualTo(Path.of(home));
    }

    @Test
    void anOlderJavaHomeIsPassedOverForANewerInstalledJdk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path old = fakeJdk(dir.resolve("jdk-17"), "17.0.15");
        Path newer = fakeJdk(dir.resolve("jdk-21"), "21.0.5");
        fakeJdk(dir.resolve("jdk-22"), "22.0.1");
        Result r =
                findJdk(Map.of("PATH", SYSTEM_PATH, "JAVA_HOME", old.toString(), "ISTHMUS_JDK_DIRS", dir.toString()));
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(dir.resolve("jdk-22").toString());
        assertThat(newer).exists();
    }

    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path t = home.resolve("bin").resolve(tool);
            Files.writeString(t, "#!/bin/sh\nexit 0\n");
            t.toFile().setExecutable(true);
        }
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
