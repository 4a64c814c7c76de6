package io.isthmus.observe.session;

import io.isthmus.model.Protocol;
import io.isthmus.wire.Anomaly;
import io.isthmus.wire.Direction;
import io.isthmus.wire.MessageSummary;
import io.isthmus.wire.packet.IpAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one protocol did in a capture: messages by function, requests and responses, malformed
 * stretches, anomalies by code, flows, pairing, and the busiest talkers, each map bounded by
 * {@link SessionLimits}. Mutable, single-threaded: owned by the session layer, read at the end.
 */
public final class ProtocolStats {
    /** Counts of one function code. */
    public static final class FunctionCount {
        private final String name;
        private long requests;
        private long responses;

        FunctionCount(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public long requests() {
            return requests;
        }

        public long responses() {
            return responses;
        }
    }

    /** An address and how many messages it sent. */
    public record Talker(IpAddress address, long messages) {}

    /** Function codes below this are found in an array instead of the ordered map. */
    private static final int SMALL_CODES = 256;

    private final Protocol protocol;
    private final SessionLimits limits;
    private final FunctionCount[] smallCodes = new FunctionCount[SMALL_CODES];

    /**
     * Codes from {@link #SMALL_CODES} up (S7comm-plus, OPC UA services) and negative ones, found
     * again without boxing the code for the ordered map: the last count per slot, direct mapped by
     * the code's low bits.
     */
    private final int[] otherCodes = new int[OTHER_SLOTS];

    private final FunctionCount[] otherCounts = new FunctionCount[OTHER_SLOTS];
    private static final int OTHER_SLOTS = 16;
    private final Map<Integer, FunctionCount> functions = new TreeMap<>();
    /** Anomaly code to its count, ordered by code. */
    private final Map<String, long[]> anomalies = new TreeMap<>();
    /**
     * The counter each recent code went to (its own or "other"), found again by the code's identity
     * in the slot of its hash: an anomaly's code is nearly always one of a dissector's constants.
     * A code's counter never changes, because the table only grows.
     */
    private final String[] recentCodes = new String[RECENT_CODES];

    private final long[][] recentCounts = new long[RECENT_CODES][];
    private static final int RECENT_CODES = 16;
    private final Map<IpAddress, long[]> talkers = new HashMap<>();
    long requests;
    long responses;
    long malformed;
    long flows;
    long paired;
    long unanswered;
    long unsolicited;
    long heldOverflows;
    long stoppedDirections;
    long talkersNotCounted;

    ProtocolStats(Protocol protocol, SessionLimits limits) {
        this.protocol = protocol;
        this.limits = limits;
    }

    /**
     * {@code List.of()}, the one empty list most summaries carry as their anomalies: compared by
     * identity, it saves two interface calls per message under C1 (which {@code analyze} runs);
     * any other empty list still takes the loop.
     */
    private static final List<Anomaly> NO_ANOMALIES = List.of();

    /** What {@link #talkerSlot} returns for an address the bounded talker table has no room for. */
    static final long[] NOT_COUNTED = new long[1];

    void message(MessageSummary m, IpAddress sender) {
        message(m, sender == null ? null : talkerSlot(sender));
    }

    /**
     * Counts a message whose sender's counter was looked up before ({@link #talkerSlot}, kept per
     * flow by the session layer so the table is not probed per message); null for no sender.
     */
    void message(MessageSummary m, long[] senderSlot) {
        int code = m.function();
        FunctionCount f = code >= 0 && code < SMALL_CODES ? smallCodes[code] : other(m);
        if (f == null) {
            f = firstOfSmallCode(m);
        }
        if (m.direction() == Direction.REQUEST) {
            f.requests++;
            requests++;
        } else {
            f.responses++;
            responses++;
        }
        List<Anomaly> anomalies = m.anomalies();
        if (anomalies != NO_ANOMALIES) {
            anomalies(anomalies);
        }
        if (senderSlot == NOT_COUNTED) {
            talkersNotCounted++;
        } else if (senderSlot != null) {
            senderSlot[0]++;
        }
    }

    /** The count of a code of {@link #smallCodes} on its first message, remembered there; apart from {@link
     * #message}, as {@link #anomalies} is, so that the JIT inlines that one. */
    private FunctionCount firstOfSmallCode(MessageSummary m) {
        FunctionCount f = function(m);
        smallCodes[m.function()] = f;
        return f;
    }

    private void anomalies(List<Anomaly> anomalies) {
        for (int i = 0; i < anomalies.size(); i++) {
            anomaly(anomalies.get(i));
        }
    }

    /** The count of a code outside {@link #smallCodes}, remembered in its slot. */
    private FunctionCount other(MessageSummary m) {
        int code = m.function();
        int slot = code & (OTHER_SLOTS - 1);
        FunctionCount f = otherCounts[slot];
        if (f == null || otherCodes[slot] != code) {
            f = function(m);
            otherCodes[slot] = code;
            otherCounts[slot] = f;
        }
        return f;
    }

    /** The count of the message's function code, created (or "other") on its first message. */
    private FunctionCount function(MessageSummary m) {
        FunctionCount f = functions.get(m.function());
        if (f == null) {
            f = functions.size() < limits.maxFunctions()
                    ? new FunctionCount(m.functionName())
                    : functions.computeIfAbsent(-1, k -> new FunctionCount("other"));
            functions.putIfAbsent(m.function(), f);
        }
        return f;
    }

    void anomaly(Anomaly a) {
        String code = a.code();
        int slot = code.hashCode() & (RECENT_CODES - 1);
        if (recentCodes[slot] != code) {
            recentCodes[slot] = code;
            recentCounts[slot] = anomalyCount(code);
        }
        recentCounts[slot][0]++;
    }

    /** The counter of {@code code}: its own while there is room for it, else the one of "other". */
    private long[] anomalyCount(String code) {
        long[] n = anomalies.get(code);
        if (n == null) {
            n = anomalies.computeIfAbsent(
                    anomalies.size() < limits.maxAnomalyCodes() ? code : "other", k -> new long[1]);
        }
        return n;
    }

    void malformed(Anomaly a) {
        malformed++;
        anomaly(a);
    }

    /**
     * The message counter of {@code address}, added to the table if there is room, else {@link
     * #NOT_COUNTED}. The table only grows, so the answer for an address never changes.
     */
    long[] talkerSlot(IpAddress address) {
        long[] n = talkers.get(address);
        if (n == null) {
            if (talkers.size() >= limits.maxTalkers()) {
                return NOT_COUNTED;
            }
            n = new long[1];
            talkers.put(address, n);
        }
        return n;
    }

    /**
     * Adds another shard's counts of the same protocol (a flow-sharded analysis). Below the bounds
     * of {@link SessionLimits} the sum equals what one session layer would have counted; beyond
     * them, which function codes, anomaly codes and talkers got their own entry may differ (each
     * shard kept the first ones it saw), the totals do not.
     */
    void add(ProtocolStats o) {
        requests += o.requests;
        responses += o.responses;
        malformed += o.malformed;
        flows += o.flows;
        paired += o.paired;
        unanswered += o.unanswered;
        unsolicited += o.unsolicited;
        heldOverflows += o.heldOverflows;
        stoppedDirections += o.stoppedDirections;
        talkersNotCounted += o.talkersNotCounted;
        FunctionCount otherOfO = o.functions.get(-1);
        o.functions.forEach((code, c) -> {
            if (c == otherOfO && code != -1) {
                return; // a code beyond o's bound: counted once, under -1
            }
            FunctionCount f = functions.get(code);
            if (f == null) {
                f = functions.size() < limits.maxFunctions() || code == -1
                        ? new FunctionCount(c.name)
                        : functions.computeIfAbsent(-1, k -> new FunctionCount("other"));
                functions.putIfAbsent(code, f);
            }
            f.requests += c.requests;
            f.responses += c.responses;
        });
        o.anomalies.forEach((code, n) -> anomalyCount(code)[0] += n[0]);
        o.talkers.forEach((address, n) -> {
            long[] slot = talkerSlot(address);
            if (slot == NOT_COUNTED) {
                talkersNotCounted += n[0];
            } else {
                slot[0] += n[0];
            }
        });
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Function code to its counts, ordered by code; -1 collects codes beyond the bound. */
    public Map<Integer, FunctionCount> functions() {
        return java.util.Collections.unmodifiableMap(functions);
    }

    /** Request count per function code, the shape of the golden files. */
    public Map<Integer, Long> requestsByFunction() {
        Map<Integer, Long> out = new TreeMap<>();
        functions.forEach((code, c) -> {
            if (c.requests > 0) {
                out.put(code, c.requests);
            }
        });
        return out;
    }

    /** Anomaly code to its count, ordered by code; "other" collects codes beyond the bound. A copy. */
    public Map<String, Long> anomalies() {
        Map<String, Long> out = new TreeMap<>();
        anomalies.forEach((code, n) -> out.put(code, n[0]));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The {@code n} addresses that sent the most messages. */
    public List<Talker> topTalkers(int n) {
        return talkers.entrySet().stream()
                .map(e -> new Talker(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingLong(Talker::messages).reversed().thenComparing(Talker::address))
                .limit(n)
                .toList();
    }

    public long requests() {
        return requests;
    }

    public long responses() {
        return responses;
    }

    public long messages() {
        return requests + responses;
    }

    /** Stretches of bytes the dissector could not frame (each one anomaly). */
    public long malformed() {
        return malformed;
    }

    public long flows() {
        return flows;
    }

    public long paired() {
        return paired;
    }

    public long unanswered() {
        return unanswered;
    }

    public long unsolicited() {
        return unsolicited;
    }

    /** Times a direction needed more bytes than {@link SessionLimits#maxHeldBytes()}; they were dropped. */
    public long heldOverflows() {
        return heldOverflows;
    }

    /** Flow directions no longer dissected because the dissector could not resynchronise. */
    public long stoppedDirections() {
        return stoppedDirections;
    }
}
