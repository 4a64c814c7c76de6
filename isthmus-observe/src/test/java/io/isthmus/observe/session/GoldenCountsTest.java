package io.isthmus.observe.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.model.Protocol;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
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
                    // Goldens of captures too big to copy (bacnet_services, profinet_io_cm_mixed_2,
                    // mb2) are checked on extracted payloads by their protocol's own test in isthmus-wire.
                    files.filter(f -> f.getFileName().toString().endsWith(".counts.json"))
                            .sorted()
                            .forEach(f -> capture(f).ifPresent(c -> all.add(new Golden(p, c, f))));
                }
            }
        }
        return all.stream();
    }

    private static java.util.Optional<Path> capture(Path counts) {
        String name = counts.getFileName().toString().replace(".counts.json", "");
        Path dir = RESOURCES.resolve("captures");
        for (String suffix : List.of("", ".pcap", ".pcapng", ".pcap.gz", ".pcapng.gz")) {
            Path c = dir.resolve(name + suffix);
            if (Files.isRegularFile(c)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Two layouts exist: a flat {@code {"function": requests}} map (requests only, as
     * tshark_counts.py defines them), or {@code {"command": "...", "<protocol>": {"function": n}}}
     * counting every message, requests and responses (the OPC UA, BACnet and DCP goldens).
     */
    private static Map<Integer, Long> read(Path json, Protocol protocol) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode counts = root.has("command") ? root.get(protocol.id()) : root;
        Map<Integer, Long> out = new TreeMap<>();
        counts.fields()
                .forEachRemaining(
                        e -> out.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return out;
    }

    private static boolean countsAllMessages(Path json) throws IOException {
        return new ObjectMapper().readTree(json.toFile()).has("command");
    }

    /**
     * What each protocol's golden README counts as a request: S7comm jobs whichever side sends
     * them (tshark_counts.py: rosctr == 1), S7comm-plus messages with opcode request, otherwise
     * messages in the request direction.
     */
    private static boolean countsAsRequest(MessageSummary m) {
        return switch (m.protocol()) {
            case S7COMM -> hasAttribute(m, "rosctr", "job");
            case S7COMM_PLUS -> hasAttribute(m, "s7p_opcode", "request");
            default -> m.direction() == Direction.REQUEST;
        };
    }

    private static boolean hasAttribute(MessageSummary m, String name, String value) {
        return m.attributes().stream()
                .anyMatch(a -> a.name().equals(name) && a.value().equals(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void ourRequestCountsPerFunctionEqualTsharks(Golden golden) throws IOException {
        Map<Integer, Long> expected = read(golden.counts(), golden.protocol());
        Path delta = golden.counts()
                .resolveSibling(golden.counts().getFileName().toString().replace(".counts.json", ".delta.json"));
        if (Files.isRegularFile(delta)) {
            read(delta, golden.protocol()).forEach((code, d) -> expected.merge(code, d, Long::sum));
            expected.values().removeIf(v -> v == 0);
        }
        boolean all = countsAllMessages(golden.counts());
        Map<Integer, Long> actual = new TreeMap<>();
        try (var source = CaptureSource.open(golden.capture(), CaptureLimits.DEFAULT)) {
            CaptureAnalysis.run(source, o -> {
                MessageSummary m = o.message();
                if (m.protocol() == golden.protocol() && (all || countsAsRequest(m))) {
                    actual.merge(m.function(), 1L, Long::sum);
                }
            });
        }
        assertThat(actual).as(golden.toString()).isEqualTo(expected);
    }
}
