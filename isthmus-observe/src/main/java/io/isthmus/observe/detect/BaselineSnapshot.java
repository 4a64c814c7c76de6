package io.isthmus.observe.detect;

import java.util.List;
import java.util.Objects;

/**
 * A learned baseline as plain values, for saving and loading (the app writes it as JSON): which
 * client talked to which server over which protocol with which request functions, the range of
 * values written to each address, and which hosts sent discovery or scanned.
 *
 * @param learnedFrom capture time of the first observation learned, ISO-8601
 * @param learnedUntil capture time the learning window ended, ISO-8601
 * @param polls the polling cycles learned; absent (null) in files written before they were, which
 *     load as none
 */
public record BaselineSnapshot(
        String learnedFrom,
        String learnedUntil,
        List<Pair> pairs,
        List<Write> writes,
        List<String> discoverers,
        List<Poll> polls) {

    /** A baseline without polling cycles, as saved before they were learned. */
    public BaselineSnapshot(
            String learnedFrom, String learnedUntil, List<Pair> pairs, List<Write> writes, List<String> discoverers) {
        this(learnedFrom, learnedUntil, pairs, writes, discoverers, List.of());
    }

    public BaselineSnapshot {
        Objects.requireNonNull(learnedFrom, "learnedFrom");
        Objects.requireNonNull(learnedUntil, "learnedUntil");
        pairs = List.copyOf(pairs);
        writes = List.copyOf(writes);
        discoverers = List.copyOf(discoverers);
        polls = polls == null ? List.of() : List.copyOf(polls);
    }

    /**
     * One polling cycle: a client's repeated request to a server, unit, function and address range,
     * with the median interval between requests and its median absolute deviation.
     *
     * @param unit -1 when the protocol has none; likewise {@code address} and {@code quantity}
     * @param intervals how many intervals the period was learned from
     */
    public record Poll(
            String client,
            String server,
            String protocol,
            long unit,
            int function,
            long address,
            long quantity,
            long periodNanos,
            long spreadNanos,
            int intervals) {
        public Poll {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(protocol, "protocol");
            if (periodNanos < 0 || spreadNanos < 0 || intervals < 0) {
                throw new IllegalArgumentException("poll " + client + " -> " + server + " function " + function
                        + ": period, spread and intervals must not be negative, were " + periodNanos + ", "
                        + spreadNanos + ", " + intervals);
            }
        }
    }

    /** @param functions request function codes seen from client to server */
    public record Pair(String client, String server, String protocol, List<Integer> functions) {
        public Pair {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(protocol, "protocol");
            functions = List.copyOf(functions);
        }
    }

    /**
     * @param unit -1 when the protocol has none
     * @param table the address space: {@code coil} or {@code register} for Modbus, {@code data}
     *     otherwise
     */
    public record Write(String server, String protocol, long unit, String table, long address, long min, long max) {
        public Write {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(table, "table");
            if (min > max) {
                throw new IllegalArgumentException(
                        "write range of address " + address + " has min " + min + " above max " + max);
            }
        }
    }
}
