package io.isthmus.observe.detect;

import io.isthmus.model.AccessKind;
import io.isthmus.model.Protocol;
import io.isthmus.model.Severity;
import io.isthmus.model.Technique;
import java.util.List;
import java.util.Set;

/**
 * Deviations from the learned baseline: a new talker pair or protocol, a new function for a known
 * pair, a first control or program operation, a write to an address never written, a written value
 * outside the learned range.
 */
final class BaselineDeviations {
    private static final List<Technique> REMOTE_SERVICES = Finding.techniques("T0886");
    private static final List<Technique> MODIFY_PARAMETER = Finding.techniques("T0836");
    private static final List<Technique> CHANGE_MODE = Finding.techniques("T0858");
    private static final List<Technique> PROGRAM_DOWNLOAD = Finding.techniques("T0843");
    private static final List<Technique> UNAUTHORIZED_COMMAND = Finding.techniques("T0855");
    private static final List<Technique> MONITOR = Finding.techniques("T0801");
    private static final List<Technique> INFORMATION = Finding.techniques("T0888");

    void inspect(Seen s, Baseline b, String zonePath, AlertLog log) {
        AccessKind kind = s.m.access();
        String proto = s.m.protocol().id();
        Baseline.PairKey pairKey = new Baseline.PairKey(s.src, s.dst, s.m.protocol());
        Set<Integer> functions = b.functions(pairKey);
        // A learned protocol implies a learned pair: both are learned together.
        boolean knownProtocol = functions != null;
        if (!knownProtocol && !log.absorb(Rule.NEW_PAIR, pairKey, s.time())) {
            boolean knownPair = b.knowsPair(s.src, s.dst);
            log.add(Finding.of(
                    Rule.NEW_PAIR,
                    Severity.MEDIUM,
                    REMOTE_SERVICES,
                    (knownPair ? "New protocol " + proto + " between " : "New talker pair: ") + s.src + " -> " + s.dst
                            + (knownPair ? "" : " over " + proto),
                    pairKey,
                    s,
                    zonePath,
                    s.describe()));
        }
        boolean newFunction = !knownProtocol || !functions.contains(s.m.function());
        boolean control = kind == AccessKind.CONTROL || kind == AccessKind.PROGRAM;
        boolean reported = newFunction && (control || (knownProtocol && kind != AccessKind.DISCOVERY));
        FunctionKey functionKey = reported ? new FunctionKey(s.src, s.dst, s.m.protocol(), s.m.function()) : null;
        Rule functionRule = control ? Rule.FIRST_CONTROL : Rule.NEW_FUNCTION;
        if (reported && !log.absorb(functionRule, functionKey, s.time())) {
            if (control) {
                log.add(Finding.of(
                        Rule.FIRST_CONTROL,
                        Severity.HIGH,
                        kind == AccessKind.CONTROL ? CHANGE_MODE : PROGRAM_DOWNLOAD,
                        "First " + kind.id() + " operation from " + s.src + " to " + s.dst + ": " + s.m.functionName(),
                        functionKey,
                        s,
                        zonePath,
                        s.describe()));
            } else {
                log.add(Finding.of(
                        Rule.NEW_FUNCTION,
                        kind == AccessKind.WRITE ? Severity.HIGH : Severity.LOW,
                        switch (kind) {
                            case WRITE -> UNAUTHORIZED_COMMAND;
                            case READ -> MONITOR;
                            case DIAGNOSTIC, DISCOVERY, CONTROL, PROGRAM -> INFORMATION;
                        },
                        "New function for " + s.src + " -> " + s.dst + ": " + proto + " " + s.m.functionName() + " ("
                                + s.m.function() + ")",
                        functionKey,
                        s,
                        zonePath,
                        s.describe()));
            }
        }
        if (kind == AccessKind.WRITE) {
            writes(s, b, zonePath, log);
        }
    }

    /** Keys a function alert: the pair, the protocol and the function. */
    private record FunctionKey(Host src, Host dst, Protocol protocol, int function) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof FunctionKey k
                    && src.equals(k.src)
                    && dst.equals(k.dst)
                    && protocol == k.protocol
                    && function == k.function;
        }

        @Override
        public int hashCode() {
            int h = src.hashCode();
            h = 31 * h + dst.hashCode();
            h = 31 * h + protocol.hashCode();
            h = 31 * h + function;
            return h;
        }
    }

    /** Keys a write alert: the written address (as the text key did, without the protocol). */
    private record AddressKey(Host dst, long unit, String table, long address) {
        // Written out: the generated record methods (ObjectMethods method handles) were detection's
        // top cost in JFR (docs/benchmarks.md, "Detection on vs off").
        @Override
        public boolean equals(Object o) {
            return o instanceof AddressKey k
                    && dst.equals(k.dst)
                    && unit == k.unit
                    && table.equals(k.table)
                    && address == k.address;
        }

        @Override
        public int hashCode() {
            int h = dst.hashCode();
            h = 31 * h + Long.hashCode(unit);
            h = 31 * h + table.hashCode();
            h = 31 * h + Long.hashCode(address);
            return h;
        }
    }

    /** The written values of the request being judged (one thread, one request at a time). */
    private final long[] values = new long[WrittenValues.MAX_VALUES];

    private void writes(Seen s, Baseline b, String zonePath, AlertLog log) {
        if (s.m.address().isEmpty()) {
            return;
        }
        String text = s.attributeOrNull("values");
        int count = text == null ? 0 : WrittenValues.parse(text, values);
        if (count == 0) {
            return;
        }
        long first = s.m.address().getAsLong();
        long unit = Baseline.unitOf(s.m.unit());
        String table = Baseline.table(s.m.protocol(), s.m.function());
        for (int i = 0; i < count; i++) {
            long address = first + i;
            long[] range = b.writeRange(s.dst, s.m.protocol(), unit, table, address);
            boolean outOfRange = range != null && (values[i] < range[0] || values[i] > range[1]);
            if (range != null && !outOfRange) {
                continue;
            }
            AddressKey key = new AddressKey(s.dst, unit, table, address);
            if (log.absorb(range == null ? Rule.WRITE_NEW_ADDRESS : Rule.WRITE_OUT_OF_RANGE, key, s.time())) {
                continue;
            }
            String where = s.dst + (unit >= 0 ? " unit " + unit : "") + " " + table + " " + address;
            if (range == null) {
                log.add(Finding.of(
                        Rule.WRITE_NEW_ADDRESS,
                        Severity.HIGH,
                        MODIFY_PARAMETER,
                        "Write to an address never written: " + where + " = " + values[i] + " by " + s.src,
                        key,
                        s,
                        zonePath,
                        s.describe()));
            } else if (values[i] < range[0] || values[i] > range[1]) {
                log.add(Finding.of(
                        Rule.WRITE_OUT_OF_RANGE,
                        Severity.HIGH,
                        MODIFY_PARAMETER,
                        "Write outside the learned range: " + where + " = " + values[i] + " (learned " + range[0] + ".."
                                + range[1] + ") by " + s.src,
                        key,
                        s,
                        zonePath,
                        s.describe() + "; learned " + range[0] + ".." + range[1]));
            }
        }
    }
}
