package io.isthmus.observe.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.IpNetwork;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins every alert (all fields: event, rule, hosts, zone path, count, first and last time, each
 * evidence item) and the detection counters on the test captures, so that work on detection's
 * speed cannot change what it reports. Policies: {@code factory} is the virtual factory's, {@code
 * nowhere} has one zone no capture address is in, so every request is a denial (the worst case of
 * the analyze benchmark). Learning windows are short so that the deviation rules fire too.
 *
 * <p>After an intended change of the output, regenerate with {@code ISTHMUS_REGENERATE_GOLDEN=1}
 * and review the diff of {@code golden/*.alerts.txt}.
 */
class DetectionGoldenTest {

    static Optional<Policy> policy(String name) throws Exception {
        return switch (name) {
            case "factory" -> Optional.of(LabelledCapturesTest.factoryPolicy());
            case "nowhere" ->
                Optional.of(Policy.of(
                        List.of(new Zone(
                                "nowhere",
                                PurdueLevel.LEVEL_1,
                                List.of(IpNetwork.parse("10.255.255.0/24")),
                                SecurityLevel.SL2)),
                        List.of()));
            case "none" -> Optional.empty();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static String render(Detection d) {
        StringBuilder b = new StringBuilder();
        b.append(d.stats()).append('\n');
        for (Alert a : d.alerts()) {
            b.append(a).append('\n');
        }
        return b.toString();
    }

    @ParameterizedTest(name = "{0} with policy {1}, learning {2} ms")
    @CsvSource({
        "guard-attacks.pcap.gz, factory, 18000",
        "guard-attacks.pcap.gz, nowhere, 1",
        "guard-benign.pcap.gz, nowhere, 5000",
        "guard-benign.pcap.gz, none, 1",
        "s7comm__ITI__step7_s300_download.pcapng, nowhere, 1",
        "s7comm__ITI__snap7_s300_stop.pcapng, factory, 1",
        "enip__ITI__cip_stop_plc.pcap, nowhere, 1",
        "dnp3__ITI__cold_restart_and_response.pcap, nowhere, 1",
        "dnp3__ITI__disable_unsolcited_and_response.pcap, factory, 1",
    })
    void alertsStayExactlyTheSame(String capture, String policyName, long learnMillis) throws Exception {
        Detection d = LabelledCapturesTest.analyse(
                capture, policy(policyName), new BaselineSource.Learn(Duration.ofMillis(learnMillis)));
        String actual = render(d);
        String name = capture.replaceAll("\\.(pcap|pcapng)(\\.gz)?$", "") + "." + policyName + "." + learnMillis
                + ".alerts.txt";
        if (System.getenv("ISTHMUS_REGENERATE_GOLDEN") != null) {
            Path dir = Path.of("src/test/resources/io/isthmus/observe/detect/golden");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), actual, StandardCharsets.UTF_8);
        }
        List<String> expected = new ArrayList<>(
                Files.readAllLines(LabelledCapturesTest.resource("golden/" + name), StandardCharsets.UTF_8));
        assertThat(actual.lines().toList()).as(name).isNotEmpty().containsExactlyElementsOf(expected);
    }
}
