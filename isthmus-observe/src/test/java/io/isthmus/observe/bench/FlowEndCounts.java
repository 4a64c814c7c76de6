package io.isthmus.observe.bench;

import io.isthmus.observe.capture.CaptureSource;
import io.isthmus.observe.flow.FlowLimits;
import io.isthmus.observe.flow.FlowStats;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.DissectorRegistry;
import io.isthmus.observe.session.SessionLimits;
import io.isthmus.wire.capture.CaptureLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints the flow-end counters of each capture given (files or directories of captures), one tab
 * separated line each, to compare the TCP end-of-flow logic before and after a change and with
 * tshark: {@code java -cp ... FlowEndCounts DIR...}.
 */
public final class FlowEndCounts {
    private FlowEndCounts() {}

    public static void main(String[] args) throws Exception {
        List<Path> captures = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().matches(".*\\.pcap(ng)?(\\.gz)?"))
                            .sorted()
                            .forEach(captures::add);
                }
            } else {
                captures.add(p);
            }
        }
        System.out.println("capture\tcreated\tclosed\trefused\trstIgnored\trstChallenged");
        for (Path c : captures) {
            try (CaptureSource source = CaptureSource.open(c, CaptureLimits.DEFAULT)) {
                FlowStats f = CaptureAnalysis.run(
                                source,
                                DissectorRegistry.defaults(),
                                SessionLimits.DEFAULT,
                                FlowLimits.DEFAULT,
                                o -> {})
                        .flows();
                System.out.println(c.getFileName() + "\t" + f.flowsCreated() + "\t" + f.flowsClosed() + "\t"
                        + f.flowsRefused() + "\t" + f.rstIgnored() + "\t" + f.rstChallenged());
            }
        }
    }
}
