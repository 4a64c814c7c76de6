package io.isthmus.observe.bench;

import io.isthmus.model.IpNetwork;
import io.isthmus.model.PurdueLevel;
import io.isthmus.model.SecurityLevel;
import io.isthmus.model.Zone;
import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.detect.Detection;
import io.isthmus.observe.detect.DetectionLimits;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.CaptureTap;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.Observation;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.policy.Policy;
import io.isthmus.wire.capture.CaptureLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The input of the detection benchmarks: the observations of a capture prefix decoded once, each
 * with its frame number, so that a pass measures {@link Detection} alone. The policy puts every
 * capture address in no zone (the worst case of {@code bench/analyze-detection}: each request is a
 * denial), and the baseline is learned from the first ten minutes, as there.
 */
final class DetectionInput {
    final List<Observation> observations = new ArrayList<>();
    final List<Long> frames = new ArrayList<>();
    final long bytes;
    private final Policy policy;

    DetectionInput(Path capture, long maxBytes) throws Exception {
        byte[] data = PcapPrefix.read(capture, maxBytes);
        bytes = data.length;
        long[] frame = new long[1];
        CaptureTap tap = new CaptureTap() {
            @Override
            public void onPacket(long frameNumber, long timestampNanos) {
                frame[0] = frameNumber;
            }
        };
        try (CaptureSource source =
                CaptureSource.of(new ByteArrayInputStream(data), OptionalLong.of(data.length), CaptureLimits.DEFAULT)) {
            CaptureAnalysis.run(
                    source,
                    DissectorRegistry.defaults(),
                    SessionLimits.DEFAULT,
                    FlowLimits.DEFAULT,
                    o -> {
                        observations.add(o);
                        frames.add(frame[0]);
                    },
                    tap);
        }
        policy = Policy.of(
                List.of(new Zone(
                        "cell", PurdueLevel.LEVEL_1, List.of(IpNetwork.parse("10.255.255.0/24")), SecurityLevel.SL2)),
                List.of());
    }

    /** One pass: a new detection over every observation; returns the alert count. */
    int pass() throws IOException {
        Detection d = new Detection(
                Optional.of(policy),
                new Detection.BaselineSource.Learn(Duration.ofMinutes(10)),
                DetectionLimits.DEFAULT);
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            d.onPacket(frames.get(i), o.timestampNanos());
            d.accept(o);
        }
        return d.alerts().size();
    }
}
