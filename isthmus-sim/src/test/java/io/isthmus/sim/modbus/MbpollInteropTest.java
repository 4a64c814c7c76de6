package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.isthmus.sim.plc.RegisterImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against Debian's {@code mbpoll} (libmodbus inside): a C client that shares nothing
 * with Isthmus. Without the binary the test is skipped on a workstation and fails in CI.
 */
class MbpollInteropTest {
    @TempDir
    Path temp;

    private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");
    /** mbpoll prints one line per register: "[1]: \t65534 (-2)". */
    private static final Pattern VALUE_LINE = Pattern.compile("^\\[(\\d+)\\]:\\s+(\\d+)");

    @BeforeAll
    static void requireMbpoll() {
        if (Files.isExecutable(MBPOLL)) {
            return;
        }
        // Never skipped: the independent client is the point of this test (.ci/run installs it).
        fail(MBPOLL + " not found; install the Debian package: apt-get install -y mbpoll");
    }

    @Test
    @DisplayName("§6.3: mbpoll reads the ten first holding registers exactly as the image holds them")
    void mbpollReadsTheHoldingRegisters() throws Exception {
        RegisterImage image = TestImages.patterned();
        image.writeHoldingRegisters(0, new short[] {1, -2, 300, Short.MAX_VALUE, Short.MIN_VALUE});
        try (var server = new ModbusTcpServer(ModbusServerConfig.create(b -> b.port(0)), image)) {
            server.start();
            String output = run(
                    MBPOLL.toString(),
                    "-1",
                    "-a",
                    "1",
                    "-r",
                    "1",
                    "-c",
                    "10",
                    "-t",
                    "4",
                    "-p",
                    Integer.toString(server.port()),
                    "127.0.0.1");

            List<Integer> printed = values(output);
            List<Integer> expected = new ArrayList<>();
            for (short s : image.readHoldingRegisters(0, 10)) {
                expected.add(s & 0xFFFF);
            }
            assertThat(printed).as(output).isEqualTo(expected);
        }
    }

    private static List<Integer> values(String output) {
        var values = new ArrayList<Integer>();
        for (String line : output.split("\n")) {
            var m = VALUE_LINE.matcher(line.strip());
            if (m.find()) {
                values.add(Integer.parseInt(m.group(2)));
            }
        }
        return values;
    }

    /** Runs the command with its output in a file, so a hanging process cannot block the test. */
    private String run(String... command) throws IOException, InterruptedException {
        Path output = temp.resolve("mbpoll.out");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = process.waitFor(10, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("mbpoll finished: %s", text).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
