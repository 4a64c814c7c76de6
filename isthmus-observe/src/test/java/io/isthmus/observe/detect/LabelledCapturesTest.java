package io.isthmus.observe.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Conduit;
import io.isthmus.model.IpNetwork;
import io.isthmus.model.Protocol;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Technique;
import io.isthmus.model.Zone;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.detect.Detection.BaselineSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.policy.AddressRange;
import io.isthmus.policy.ConduitRule;
import io.isthmus.policy.Policy;
import io.isthmus.wire.capture.CaptureLimits;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The labelled captures of SOURCES.md: every labelled attack is found with its technique, and the
 * benign capture raises nothing after learning. The policy is the virtual factory's
 * (config/zones.yaml), built here because YAML binding lives in the app.
 */
class LabelledCapturesTest {
    static final Duration LEARN = Duration.ofSeconds(18);

    static Policy factoryPolicy() throws Exception {
        return Policy.of(
                List.of(
                        zone("cell", PurdueLevel.LEVEL_1, "127.0.0.1/32"),
                        zone("supervisory", PurdueLevel.LEVEL_2, "127.0.0.16/28"),
                        zone("site", PurdueLevel.LEVEL_3, "127.0.0.32/28"),
                        zone("idmz", PurdueLevel.LEVEL_3_5, "127.0.0.48/28"),
                        zone("enterprise", PurdueLevel.LEVEL_4, "127.0.0.64/26")),
                List.of(new ConduitRule(
                        new Conduit(
                                "hmi-to-cell",
                                "supervisory",
                                "cell",
                                Set.of(Protocol.MODBUS),
                                Set.of(AccessKind.READ, AccessKind.WRITE),
                                Conduit.Initiator.FROM),
                        Set.of(1, 2, 3, 4, 5, 6, 15, 16),
                        List.of(new AddressRange(0, 99)),
                        Set.of(1))));
    }

    static Zone zone(String name, PurdueLevel level, String network) {
        return new Zone(name, level, List.of(IpNetwork.parse(network)), SecurityLevel.SL2);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(LabelledCapturesTest.class.getResource(name).toURI());
    }

    static Detection analyse(String capture, Optional<Policy> policy, BaselineSource baseline) throws Exception {
        Detection d = new Detection(policy, baseline, DetectionLimits.DEFAULT);
        try (CaptureSource source = CaptureSource.open(resource(capture).toString(), CaptureLimits.DEFAULT)) {
            CaptureAnalysis.run(source, DissectorRegistry.defaults(), SessionLimits.DEFAULT, FlowLimits.DEFAULT, d, d);
        }
        return d;
    }

    static List<String> ids(Alert a) {
        return a.event().techniques().stream().map(Technique::id).toList();
    }

    /** The alerts that carry the technique and include the labelled frame (or, for scans, the host). */
    static List<Alert> found(List<Alert> alerts, String technique, long frame, String src) {
        return alerts.stream()
                .filter(a -> ids(a).contains(technique))
                .filter(a -> a.src().equals(src))
                .filter(a -> frame == 0 || a.evidence().stream().anyMatch(e -> e.frame() == frame))
                .toList();
    }

    @ParameterizedTest(name = "{0}: {1} in frame {2}")
    @CsvSource({
        "A1 recon scan, T0846, 0, 127.0.0.66",
        "A1 device identification sweep, T0888, 4312, 127.0.0.66",
        "A2 stop coil written from an IT host, T0855, 4936, 127.0.0.66",
        "A3 Modbus restart communications, T0816, 5506, 127.0.0.66",
        "A4 setpoint outside the learned range, T0836, 6076, 127.0.0.20",
    })
    void everyLabelledAttackIsFoundWithItsTechnique(String label, String technique, long frame, String src)
            throws Exception {
        List<Alert> alerts = analyse(
                        "guard-attacks.pcap.gz", Optional.of(factoryPolicy()), new BaselineSource.Learn(LEARN))
                .alerts();
        assertThat(found(alerts, technique, frame, src)).as(label).isNotEmpty();
    }

    @Test
    void everyAlertOnTheAttackCaptureBelongsToALabelledAttack() throws Exception {
        List<Alert> alerts = analyse(
                        "guard-attacks.pcap.gz", Optional.of(factoryPolicy()), new BaselineSource.Learn(LEARN))
                .alerts();
        Set<Long> attackFrames = Set.of(4312L, 4324L, 4336L, 4346L, 4356L, 4366L, 4936L, 5506L, 6076L);
        assertThat(alerts)
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.rule() == Rule.SCAN
                                || a.evidence().stream().allMatch(e -> attackFrames.contains(e.frame())))
                        .as(a.event().title())
                        .isTrue());
    }

    @Test
    void theBenignCaptureRaisesNothingAfterLearning() throws Exception {
        Detection d = analyse("guard-benign.pcap.gz", Optional.of(factoryPolicy()), new BaselineSource.Learn(LEARN));
        assertThat(d.alerts()).isEmpty();
        assertThat(d.stats().learned()).isGreaterThan(1000);
        assertThat(d.stats().requests()).isGreaterThan(d.stats().learned());
    }

    @Test
    void aBaselineLearnedOnTheBenignCaptureDetectsTheAttacksOfTheOther() throws Exception {
        Baseline learned = analyse("guard-benign.pcap.gz", Optional.empty(), new BaselineSource.Learn(LEARN))
                .baseline();
        // The benign capture's PLCs listen on other ports, but hosts are keyed by address: same line.
        List<Alert> alerts = analyse(
                        "guard-attacks.pcap.gz",
                        Optional.empty(),
                        new BaselineSource.Loaded(Baseline.of(learned.snapshot(), DetectionLimits.DEFAULT)))
                .alerts();
        assertThat(found(alerts, "T0836", 6076, "127.0.0.20")).isNotEmpty();
        assertThat(found(alerts, "T0816", 5506, "127.0.0.66")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "s7comm__ITI__snap7_s300_stop.pcapng, T0858",
        "s7comm__ITI__step7_s300_download.pcapng, T0843",
        "enip__ITI__cip_stop_plc.pcap, T0858",
        "dnp3__ITI__cold_restart_and_response.pcap, T0816",
        "dnp3__ITI__warm_restart_and_response.pcap, T0816",
        "dnp3__ITI__disable_unsolcited_and_response.pcap, T0878",
    })
    void dangerousCommandsInRealCapturesAreFoundWithoutPolicyOrBaseline(String capture, String technique)
            throws Exception {
        List<Alert> alerts =
                analyse(capture, Optional.empty(), new BaselineSource.None()).alerts();
        assertThat(alerts)
                .filteredOn(a -> a.rule() == Rule.DANGEROUS_COMMAND)
                .anySatisfy(a -> assertThat(ids(a)).contains(technique));
    }

    @Test
    void theProgrammingDeviceIsTheActorOfAnS7DownloadEvenForTheJobsThePlcSends() throws Exception {
        List<Alert> alerts = analyse(
                        "s7comm__ITI__step7_s300_download.pcapng", Optional.empty(), new BaselineSource.None())
                .alerts();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.src()).isEqualTo("134.249.53.130");
            assertThat(a.dst()).isEqualTo("134.249.61.182");
            assertThat(a.count()).isEqualTo(4);
        });
    }
}
