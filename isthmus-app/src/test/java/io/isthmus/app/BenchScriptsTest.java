package io.isthmus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scripts in {@code bench/} run on a machine whose default {@code java} is older than Isthmus
 * needs (JDK 17): each must take its JDK from {@code bin/find-jdk}, which skips a {@code JAVA_HOME}
 * or {@code PATH} entry below 21, and never run a bare {@code java}, {@code jcmd} or {@code jfr}.
 */
class BenchScriptsTest {

    static final Path BENCH = Path.of("../bench");

    /** A JDK tool in command position: at a line's start, after a pipe, list or substitution, or exec/time. */
    static final Pattern BARE_TOOL = Pattern.compile(
            "(^|[;&|(]|\\$\\(|\\bexec\\s|\\btime\\s)\\s*(java|javac|jcmd|jfr|jstack|jps|jshell)(\\s|$)");

    /** {@code ${JAVA_HOME:-...}}: a JAVA_HOME set beforehand, whatever its version, would be used as is. */
    static final Pattern TRUSTED_JAVA_HOME = Pattern.compile("\\$\\{JAVA_HOME:-");

    /** What runs a JVM: the JDK's own tools or the Maven wrapper (which runs the JAVA_HOME it is given). */
    static final Pattern RUNS_A_JVM = Pattern.compile("/bin/(java|javac|jcmd|jfr)\\b|\\bmvnw\\b");

    @Test
    void everyBenchScriptFindsItsJdkThroughFindJdk() throws IOException {
        List<Path> scripts = scripts();
        assertThat(scripts).as("the bench scripts").hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        for (Path script : scripts) {
            problems.addAll(problems(script.getFileName().toString(), Files.readString(script)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckCatchesABareJavaAndATrustedJavaHome() {
        assertThat(problems("a", "#!/usr/bin/env bash\njava -jar x.jar analyze c\n"))
                .singleElement()
                .asString()
                .contains("bare JDK tool");
        assertThat(problems("b", "x=$(jcmd 12 Thread.print)\n")).anyMatch(p -> p.contains("bare JDK tool"));
        assertThat(problems("c", "JAVA_HOME=\"${JAVA_HOME:-$(bin/find-jdk)}\"\n\"$JAVA_HOME/bin/java\" -version\n"))
                .singleElement()
                .asString()
                .contains("trusts a preset JAVA_HOME");
        assertThat(problems("d", "./mvnw -B -q test-compile\n"))
                .singleElement()
                .asString()
                .contains("find-jdk");
        assertThat(problems(
                        "e",
                        "# `java -jar JAR` in a comment\nJAVA_HOME=\"$(bash bin/find-jdk)\"\n"
                                + "pid=$(pgrep -P \"$p\" java)\n\"$JAVA_HOME/bin/java\" -jar x.jar\n"))
                .isEmpty();
    }

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(BENCH)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<String> problems(String name, String script) {
        List<String> out = new ArrayList<>();
        boolean runsJvm = false;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            String at = name + ":" + (i + 1) + ": ";
            if (BARE_TOOL.matcher(line).find()) {
                out.add(at + "bare JDK tool (the PATH's may be JDK 17): " + line);
            }
            if (TRUSTED_JAVA_HOME.matcher(line).find()) {
                out.add(at + "trusts a preset JAVA_HOME (may be JDK 17); take bin/find-jdk's answer: " + line);
            }
            runsJvm |= RUNS_A_JVM.matcher(line).find();
        }
        if (runsJvm && !script.contains("bin/find-jdk")) {
            out.add(name + ": runs a JVM but never asks bin/find-jdk for its JDK");
        }
        return out;
    }
}
