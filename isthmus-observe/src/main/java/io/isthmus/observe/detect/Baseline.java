package io.isthmus.observe.detect;

import io.isthmus.model.Protocol;
import io.isthmus.observe.detect.BaselineSnapshot.Pair;
import io.isthmus.observe.detect.BaselineSnapshot.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What normal looks like: talker pairs with their request functions, written addresses with the
 * range of values written, and the hosts that do discovery. Learned from the first part of a
 * capture or loaded from a {@link BaselineSnapshot}; bounded, with what did not fit counted.
 */
public final class Baseline {
    record PairKey(Host client, Host server, Protocol protocol) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof PairKey k
                    && client.equals(k.client)
                    && server.equals(k.server)
                    && protocol == k.protocol;
        }

        @Override
        public int hashCode() {
            int h = client.hashCode();
            h = 31 * h + server.hashCode();
            h = 31 * h + protocol.hashCode();
            return h;
        }
    }

    record HostPair(Host client, Host server) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof HostPair k && client.equals(k.client) && server.equals(k.server);
        }

        @Override
        public int hashCode() {
            int h = client.hashCode();
            h = 31 * h + server.hashCode();
            return h;
        }
    }

    record WriteKey(Host server, Protocol protocol, long unit, String table, long address) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof WriteKey k
                    && server.equals(k.server)
                    && protocol == k.protocol
                    && unit == k.unit
                    && table.equals(k.table)
                    && address == k.address;
        }

        @Override
        public int hashCode() {
            int h = server.hashCode();
            h = 31 * h + protocol.hashCode();
            h = 31 * h + Long.hashCode(unit);
            h = 31 * h + table.hashCode();
            h = 31 * h + Long.hashCode(address);
            return h;
        }
    }

    /**
     * The address space a write goes to, so that coil 0 and register 0 of a Modbus device are two
     * addresses: {@code coil} for Modbus functions 5 and 15, {@code register} for the other Modbus
     * writes, {@code data} for other protocols.
     */
    static String table(Protocol p, int function) {
        if (p != Protocol.MODBUS) {
            return "data";
        }
        return function == 5 || function == 15 ? "coil" : "register";
    }

    private final DetectionLimits limits;
    private final Map<PairKey, Set<Integer>> functions = new HashMap<>();
    private final Set<HostPair> hostPairs = new HashSet<>();
    private final Map<WriteKey, long[]> writes = new HashMap<>();
    private final Set<Host> discoverers = new HashSet<>();
    private final PollPeriods polls;
    private long dropped;
    private long firstNanos = -1;
    private long untilNanos = -1;

    public Baseline(DetectionLimits limits) {
        this.limits = limits;
        this.polls = new PollPeriods(limits.maxPairs());
    }

    /** Entries that did not fit the limits while learning or loading. */
    public long dropped() {
        return dropped;
    }

    /** Polling cycles that did not fit ({@code maxPairs}) while learning or loading. */
    public long pollsDropped() {
        return polls.dropped();
    }

    /** Polling cycles learned or loaded (at most {@code maxPairs} of them). */
    public int pollCount() {
        return polls.size();
    }

    PollPeriods polls() {
        return polls;
    }

    public int pairCount() {
        return functions.size();
    }

    public int writeAddressCount() {
        return writes.size();
    }

    void learnedUntil(long nanos) {
        untilNanos = nanos;
    }

    boolean knowsPair(Host client, Host server) {
        return hostPairs.contains(new HostPair(client, server));
    }

    boolean knowsProtocol(Host client, Host server, Protocol p) {
        return functions.containsKey(new PairKey(client, server, p));
    }

    /** The functions learned for the pair and protocol, or null when it was never seen. */
    Set<Integer> functions(PairKey key) {
        return functions.get(key);
    }

    boolean knowsFunction(Host client, Host server, Protocol p, int function) {
        Set<Integer> f = functions.get(new PairKey(client, server, p));
        return f != null && f.contains(function);
    }

    /** The learned [min, max] written to the address, or null when it was never written. */
    long[] writeRange(Host server, Protocol p, long unit, String table, long address) {
        return writes.get(new WriteKey(server, p, unit, table, address));
    }

    boolean isDiscoverer(Host h) {
        return discoverers.contains(h);
    }

    void learnRequest(Seen s) {
        if (firstNanos < 0) {
            firstNanos = s.time();
        }
        PairKey key = new PairKey(s.src, s.dst, s.m.protocol());
        Set<Integer> f = functions.get(key);
        if (f == null) {
            if (functions.size() >= limits.maxPairs()) {
                dropped++;
                return;
            }
            f = new HashSet<>();
            functions.put(key, f);
            hostPairs.add(new HostPair(s.src, s.dst));
        }
        f.add(s.m.function());
    }

    void learnWrite(Host server, Protocol p, long unit, String table, long address, long value) {
        WriteKey key = new WriteKey(server, p, unit, table, address);
        long[] r = writes.get(key);
        if (r == null) {
            if (writes.size() >= limits.maxWriteAddresses()) {
                dropped++;
                return;
            }
            writes.put(key, new long[] {value, value});
            return;
        }
        r[0] = Math.min(r[0], value);
        r[1] = Math.max(r[1], value);
    }

    void learnDiscoverer(Host h) {
        if (discoverers.size() >= limits.maxHosts()) {
            dropped++;
            return;
        }
        discoverers.add(h);
    }

    public BaselineSnapshot snapshot() {
        List<Pair> pairs = new ArrayList<>();
        functions.forEach((k, f) -> pairs.add(new Pair(
                k.client().toString(), k.server().toString(), k.protocol().id(), List.copyOf(new TreeSet<>(f)))));
        pairs.sort(java.util.Comparator.comparing(Pair::client)
                .thenComparing(Pair::server)
                .thenComparing(Pair::protocol));
        List<Write> w = new ArrayList<>();
        writes.forEach((k, r) -> w.add(
                new Write(k.server().toString(), k.protocol().id(), k.unit(), k.table(), k.address(), r[0], r[1])));
        w.sort(java.util.Comparator.comparing(Write::server)
                .thenComparing(Write::protocol)
                .thenComparingLong(Write::unit)
                .thenComparing(Write::table)
                .thenComparingLong(Write::address));
        return new BaselineSnapshot(
                iso(firstNanos),
                iso(untilNanos),
                pairs,
                w,
                discoverers.stream().map(Host::toString).sorted().toList(),
                pollSnapshot());
    }

    /** A baseline from a saved snapshot; a malformed entry fails naming it. */
    public static Baseline of(BaselineSnapshot snapshot, DetectionLimits limits) {
        Baseline b = new Baseline(limits);
        for (Pair p : snapshot.pairs()) {
            PairKey key = new PairKey(Host.parse(p.client()), Host.parse(p.server()), Protocol.fromId(p.protocol()));
            if (b.functions.size() >= limits.maxPairs()) {
                b.dropped++;
                continue;
            }
            b.functions.computeIfAbsent(key, k -> new HashSet<>()).addAll(p.functions());
            b.hostPairs.add(new HostPair(key.client(), key.server()));
        }
        for (Write w : snapshot.writes()) {
            Host server = Host.parse(w.server());
            Protocol p = Protocol.fromId(w.protocol());
            b.learnWrite(server, p, w.unit(), w.table(), w.address(), w.min());
            b.learnWrite(server, p, w.unit(), w.table(), w.address(), w.max());
        }
        snapshot.discoverers().forEach(d -> b.learnDiscoverer(Host.parse(d)));
        for (BaselineSnapshot.Poll p : snapshot.polls()) {
            b.polls.load(
                    new PollPeriods.PollKey(
                            Host.parse(p.client()),
                            Host.parse(p.server()),
                            Protocol.fromId(p.protocol()),
                            p.unit(),
                            p.function(),
                            p.address(),
                            p.quantity()),
                    new PollPeriods.Period(p.periodNanos(), p.spreadNanos(), p.intervals(), -1));
        }
        return b;
    }

    private List<BaselineSnapshot.Poll> pollSnapshot() {
        List<BaselineSnapshot.Poll> out = new ArrayList<>();
        polls.periods()
                .forEach((k, p) -> out.add(new BaselineSnapshot.Poll(
                        k.client().toString(),
                        k.server().toString(),
                        k.protocol().id(),
                        k.unit(),
                        k.function(),
                        k.address(),
                        k.quantity(),
                        p.medianNanos(),
                        p.spreadNanos(),
                        p.intervals())));
        out.sort(java.util.Comparator.comparing(BaselineSnapshot.Poll::client)
                .thenComparing(BaselineSnapshot.Poll::server)
                .thenComparing(BaselineSnapshot.Poll::protocol)
                .thenComparingLong(BaselineSnapshot.Poll::unit)
                .thenComparingInt(BaselineSnapshot.Poll::function)
                .thenComparingLong(BaselineSnapshot.Poll::address)
                .thenComparingLong(BaselineSnapshot.Poll::quantity));
        return out;
    }

    private static String iso(long nanos) {
        return nanos < 0 ? "" : AlertLog.instant(nanos).toString();
    }

    /** Unit of a message as a key part: -1 without one. */
    static long unitOf(OptionalLong unit) {
        return unit.isPresent() ? unit.getAsLong() : -1;
    }
}
