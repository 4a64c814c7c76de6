package io.isthmus.observe.detect;

/** The detectors, by the stable id that alerts carry ({@code "rule"} in alerts.jsonl). */
public enum Rule {
    /** Traffic between two zones (or to an address in no zone) that no conduit allows at all. */
    POLICY_FLOW("policy-flow"),
    /** A conduit exists, but not for this protocol, access kind, function, unit or address. */
    POLICY_OPERATION("policy-operation"),
    /** A command that stops, restarts or reprograms a device or silences its reporting. */
    DANGEROUS_COMMAND("dangerous-command"),
    /** Many probes without application payload from one host: a port scan or host sweep. */
    SCAN("scan"),
    /** Discovery or identification requests from a host that never sent them while learning. */
    DISCOVERY("discovery"),
    /** A client talked to a server (over a protocol) it never talked to while learning. */
    NEW_PAIR("new-pair"),
    /** A known pair used a function it never used while learning. */
    NEW_FUNCTION("new-function"),
    /** A pair's first control (run state) or program operation. */
    FIRST_CONTROL("first-control"),
    /** A write to an address never written while learning. */
    WRITE_NEW_ADDRESS("write-new-address"),
    /** A written value outside the range learned for the address. */
    WRITE_OUT_OF_RANGE("write-out-of-range"),
    /** A learned polling cycle runs faster or slower than it did, or stopped. */
    POLLING_DRIFT("polling-drift"),
    /** A response on a conduit with a configured latency tolerance came later than the tolerance. */
    LATENCY_TOLERANCE("latency-tolerance");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
