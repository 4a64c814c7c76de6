package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.model.Protocol;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden counts (issue 3, "Correctness against a reference"): for every {@code
 * golden/<protocol>/<name>.counts.json} in isthmus-wire's test resources, the capture {@code
 * captures/<name>} (or {@code <name>} plus .pcap/.pcapng/.pcap.gz) runs through the whole passive
 * path, and our request count per function code for that protocol must equal tshark's, plus the
 * reviewed differences of an optional {@code <name>.delta.json} beside the counts. Each
 * protocol's golden README says how the file was made and where we differ on purpose.
 */
class GoldenCountsTest {
    private static final Path RESOURCES = Path.of("..", "isthmus-wire", "src", "test", "resources");

    record Golden(Protocol protocol, Path capture, Path counts) {
        @Override
        public String toString() {
            return protocol.id() + " " + capture.getFileName();
        }
    }

    static Stream<Golden> goldens() throws IOException {
        List<Golden> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RESOURCES.resolve("golden"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Protocol p = Protocol.fromId(dir.getFileName().toString());
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".counts.json"))
                            .sorted()
                            .forEach(f -> all.add(new Golden(p, capture(f), f)));
                }
            }
        }
        return all.stream();
    }

    private static Path capture(Path counts) {
        String name = counts.getFileName().toString().replace(".counts.json", "");
        Path dir = RESOURCES.resolve("captures");
        for (String suffix : List.of("", ".pcap", ".pcapng", ".pcap.gz", ".pcapng.gz")) {
            Path c = dir.resolve(name + suffix);
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IllegalStateException("no capture for " + counts);
    }

    private static Map<Integer, Long> read(Path json) throws IOException {
        Map<String, Integer> raw = new ObjectMapper()
                .readValue(json.toFile(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
        Map<Integer, Long> out = new TreeMap<>();
        raw.forEach((k, v) -> out.put(Integer.parseInt(k), v.longValue()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void ourRequestCountsPerFunctionEqualTsharks(Golden golden) throws IOException {
        Map<Integer, Long> expected = read(golden.counts());
        Path delta = golden.counts()
                .resolveSibling(golden.counts().getFileName().toString().replace(".counts.json", ".delta.json"));
        if (Files.isRegularFile(delta)) {
            read(delta).forEach((code, d) -> expected.merge(code, d, Long::sum));
            expected.values().removeIf(v -> v == 0);
        }
        try (var source = CaptureSource.open(golden.capture(), CaptureLimits.DEFAULT)) {
            CaptureAnalysis a = CaptureAnalysis.run(source, o -> {});
            ProtocolStats stats = a.stats().protocols().get(golden.protocol());
            Map<Integer, Long> actual = stats == null ? Map.of() : stats.requestsByFunction();
            assertThat(actual).as(golden.toString()).isEqualTo(expected);
        }
    }
}
