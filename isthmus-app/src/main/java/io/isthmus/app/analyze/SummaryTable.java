package io.isthmus.app.analyze;

import io.isthmus.observe.flow.FlowStats;
import io.isthmus.observe.session.CaptureAnalysis;
import io.isthmus.observe.session.ProtocolStats;
import java.io.PrintWriter;
import java.util.Map;

/** The human summary {@code isthmus analyze} prints after the capture: per protocol, then totals. */
public final class SummaryTable {
    private static final int TALKERS = 5;

    private SummaryTable() {}

    public static void print(PrintWriter out, CaptureAnalysis a, long inputBytes, long wallNanos, long lines) {
        for (ProtocolStats p : a.stats().protocols().values()) {
            protocol(out, p);
        }
        if (a.stats().protocols().isEmpty()) {
            out.println("No industrial protocol recognised.");
        }
        totals(out, a, inputBytes, wallNanos, lines);
        out.flush();
    }

    private static void protocol(PrintWriter out, ProtocolStats p) {
        out.printf(
                "%s: %d messages (%d requests, %d responses), %d flows, %d malformed, %d paired, %d unanswered, %d unsolicited%n",
                p.protocol().displayName(),
                p.messages(),
                p.requests(),
                p.responses(),
                p.flows(),
                p.malformed(),
                p.paired(),
                p.unanswered(),
                p.unsolicited());
        out.printf("  %8s  %-36s %10s %10s%n", "function", "name", "requests", "responses");
        for (Map.Entry<Integer, ProtocolStats.FunctionCount> e : p.functions().entrySet()) {
            out.printf(
                    "  %8d  %-36s %10d %10d%n",
                    e.getKey(),
                    e.getValue().name(),
                    e.getValue().requests(),
                    e.getValue().responses());
        }
        if (!p.anomalies().isEmpty()) {
            out.println("  anomalies:");
            p.anomalies().forEach((code, n) -> out.printf("    %-40s %10d%n", code, n));
        }
        out.println("  top talkers:");
        p.topTalkers(TALKERS).forEach(t -> out.printf("    %-40s %10d messages%n", t.address(), t.messages()));
        out.println();
    }

    private static void totals(PrintWriter out, CaptureAnalysis a, long inputBytes, long wallNanos, long lines) {
        FlowStats f = a.flows();
        double seconds = Math.max(wallNanos, 1) / 1e9;
        double span = a.firstNanos() < 0 ? 0 : (a.lastNanos() - a.firstNanos()) / 1e9;
        out.printf(
                "Totals: %d packets, %d bytes, capture span %.3f s, %d flows (%d evicted), %d unidentified flows, %d observations%n",
                f.packets(),
                f.bytes(),
                span,
                f.flowsCreated(),
                f.flowsEvicted(),
                a.stats().unidentifiedFlows(),
                lines);
        out.printf(
                "Time: %.2f s, %.0f packets/s, %.1f MB/s of input%n",
                seconds, f.packets() / seconds, inputBytes / seconds / 1e6);
    }
}
