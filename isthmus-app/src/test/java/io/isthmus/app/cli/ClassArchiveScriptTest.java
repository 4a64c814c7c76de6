package io.isthmus.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/class-archive gives ./isthmus analyze a class-data-sharing archive kept in the user's own
 * cache: made once, then used; keyed by jar and JDK; never from a folder the user does not own; and
 * a damaged archive must not break a run.
 */
class ClassArchiveScriptTest {
    private static final Path SCRIPT =
            Path.of("..", "bin", "class-archive").toAbsolutePath().normalize();
    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final String MAJOR = Integer.toString(Runtime.version().feature());

    @TempDir
    Path dir;

    private record Result(int code, List<String> lines, String err) {}

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(
                p.exitValue(),
                out.isEmpty() ? List.of() : List.of(out.split("\n")),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("isthmus.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar;
    }

    private Result flags(Path cache) throws Exception {
        return run(Map.of("XDG_CACHE_HOME", cache.toString()), "flags", JAVA_HOME, MAJOR, jar().toString());
    }

    @Test
    void theFirstRunRecordsIntoAPrivateFolderAndTheArchiveIsUsedOnceFinished() throws Exception {
        Path cache = dir.resolve("cache");
        Result first = flags(cache);
        assertThat(first.code()).isZero();
        assertThat(first.lines()).hasSize(5);
        assertThat(first.lines().get(0)).isEqualTo("record");
        Path tmp = Path.of(first.lines().get(1));
        Path archive = Path.of(first.lines().get(2));
        Path folder = cache.resolve("isthmus").resolve("classes");
        assertThat(tmp.getParent()).isEqualTo(folder);
        assertThat(archive.getParent()).isEqualTo(folder);
        assertThat(first.lines().subList(3, 5)).containsExactly("-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds*=off");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");

        Files.writeString(tmp, "archive bytes");
        assertThat(run(Map.of(), "finish", tmp.toString(), archive.toString()).code())
                .isZero();
        assertThat(tmp).doesNotExist();
        assertThat(archive).hasContent("archive bytes");

        Result next = flags(cache);
        assertThat(next.lines())
                .containsExactly(
                        "use", "-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xlog:cds*=off");
    }

    @Test
    void anEmptyRecordingIsRemovedNotInstalled() throws Exception {
        Result first = flags(dir.resolve("cache"));
        Path tmp = Path.of(first.lines().get(1));
        Path archive = Path.of(first.lines().get(2));
        Files.createFile(tmp);
        run(Map.of(), "finish", tmp.toString(), archive.toString());
        assertThat(tmp).doesNotExist();
        assertThat(archive).doesNotExist();
        assertThat(flags(dir.resolve("cache")).lines().get(0)).isEqualTo("record");
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
        Path cache = dir.resolve("cache");
        String before = flags(cache).lines().get(2);
        Files.writeString(jar(), "a rebuilt jar of another size");
        String after = flags(cache).lines().get(2);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aFolderThatIsALinkIsNotUsed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path cache = Files.createDirectories(dir.resolve("cache").resolve("isthmus"));
        Files.createSymbolicLink(cache.resolve("classes"), elsewhere);
        Result r = flags(dir.resolve("cache"));
        assertThat(r.code()).isZero();
        assertThat(r.lines()).isEmpty();
    }

    @Test
    void turnedOffOrWithoutAHomeOrOnAnOldJdkThereIsNoArchive() throws Exception {
        String jar = jar().toString();
        assertThat(run(
                                Map.of("XDG_CACHE_HOME", dir.toString(), "ISTHMUS_CLASS_ARCHIVE", "0"),
                                "flags",
                                JAVA_HOME,
                                MAJOR,
                                jar)
                        .lines())
                .isEmpty();
        assertThat(run(Map.of(), "flags", JAVA_HOME, MAJOR, jar).lines()).isEmpty();
        assertThat(run(Map.of("XDG_CACHE_HOME", dir.toString()), "flags", JAVA_HOME, "17", jar)
                        .lines())
                .isEmpty();
        assertThat(run(Map.of("XDG_CACHE_HOME", dir.toString()), "flags", JAVA_HOME, "", jar)
                        .lines())
                .isEmpty();
    }

    /**
     * A real archive (of {@code java -version}) with a stretch of its body overwritten: mapped
     * unchecked, such damage can crash the JVM; with the flags given it is refused by its checksum
     * and the JVM runs on without it.
     */
    @Test
    void aDamagedArchiveIsIgnoredByTheJvmNotACrash() throws Exception {
        Path cache = dir.resolve("cache");
        Result first = flags(cache);
        Path tmp = Path.of(first.lines().get(1));
        Path archive = Path.of(first.lines().get(2));
        assertThat(java(first.lines().subList(3, first.lines().size())).code()).isZero();
        assertThat(tmp).isNotEmptyFile();
        run(Map.of(), "finish", tmp.toString(), archive.toString());
        byte[] bytes = Files.readAllBytes(archive);
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        Random random = new Random(7);
        for (int i = damaged.length / 3; i < damaged.length / 3 + 4096; i++) {
            damaged[i] = (byte) random.nextInt();
        }
        Files.write(archive, damaged);
        List<String> use = flags(cache).lines();
        assertThat(use.get(0)).isEqualTo("use");

        Result r = java(use.subList(1, use.size()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("version");
    }

    private static Result java(List<String> flags) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString()));
        command.addAll(flags);
        command.add("-version");
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), List.of(out), err);
    }
}
