package io.isthmus.insight.oee;

import io.isthmus.insight.shift.ShiftPeriod;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OEE of a line and its machines, updated sample by sample: the streaming form the hub feeds with
 * live values, and the batch form ({@link #compute}) over a historian range.
 *
 * <p>Reads each machine's state, fault code, good and reject counters ({@link OeePoints}); every
 * other sample is ignored. Samples must come in time order per machine; an older one is counted in
 * {@link #outOfOrder()} and dropped. Counter increases go to the shift period of the reading that
 * shows them; rollovers and resets are handled by {@link io.isthmus.insight.counter.CumulativeCounter}.
 * At most {@code maxPeriods} shift periods are kept per scope (oldest dropped first). Not thread-safe.
 */
public final class OeeTracker {
    /** Shift periods kept per scope: a year of three shifts a day. */
    public static final int DEFAULT_MAX_PERIODS = 1_100;

    private final OeeConfig config;
    private final Instant countFrom;
    private final Map<String, MachineTracker> byEquipment = new HashMap<>();
    private final List<MachineTracker> flow = new ArrayList<>();
    private final MachineTracker output;
    private final ConditionTimeline line;
    private long outOfOrder;

    /** A tracker that counts from {@code countFrom}; earlier samples only set the starting state and counters. */
    public OeeTracker(OeeConfig config, Instant countFrom) {
        this(config, countFrom, DEFAULT_MAX_PERIODS);
    }

    public OeeTracker(OeeConfig config, Instant countFrom, int maxPeriods) {
        this.config = config;
        this.countFrom = countFrom;
        for (MachineSpec m : config.line().machines()) {
            MachineTracker t = new MachineTracker(m, timeline(maxPeriods), config.counterMax());
            byEquipment.put(m.equipment(), t);
            flow.add(t);
        }
        this.output = byEquipment.get(config.line().outputMachine().equipment());
        this.line = timeline(maxPeriods);
    }

    /** Batch form: the results over {@code window} from time-ordered samples (start them up to {@code maxHold} earlier). */
    public static List<OeeResult> compute(OeeConfig config, Iterable<Sample> samples, TimeSpan window, Grouping by) {
        OeeTracker t = new OeeTracker(config, window.from());
        samples.forEach(t::accept);
        return t.results(by, window);
    }

    private ConditionTimeline timeline(int maxPeriods) {
        return new ConditionTimeline(config.calendar(), config.maxHold(), countFrom, maxPeriods);
    }

    /** Takes one sample; samples of other tags are ignored. */
    public void accept(Sample s) {
        MachineTracker m = byEquipment.get(s.path().equipmentPath());
        if (m == null) {
            return;
        }
        String point = s.path().point();
        OeePoints p = config.points();
        boolean ok = true;
        if (point.equals(p.state())) {
            ok = m.acceptState(s);
        } else if (point.equals(p.faultCode())) {
            ok = m.acceptFaultCode(s);
        } else if (point.equals(p.goodCount()) || point.equals(p.rejectCount())) {
            ok = countUnits(m, s, point.equals(p.goodCount()));
        } else {
            return;
        }
        if (!ok) {
            outOfOrder++;
            return;
        }
        if (m.timeline.lastSeen() != null) {
            observeLine(m.timeline.lastSeen());
        }
    }

    private boolean countUnits(MachineTracker m, Sample s, boolean good) {
        if (m.timeline.lastSeen() != null && s.sourceTime().isBefore(m.timeline.lastSeen())) {
            return false;
        }
        long units = m.acceptCount(s, good);
        if (units > 0) {
            m.timeline.addUnits(s.sourceTime(), good ? units : 0, good ? 0 : units);
            if (m == output) {
                line.addUnits(s.sourceTime(), good ? units : 0, good ? 0 : units);
            }
        }
        return true;
    }

    /** The line runs while its output runs; otherwise the first faulted machine holds it, then maintenance, stop, no data. */
    /**
     * Updates the line's condition at {@code t}. When a machine's last reading stopped holding before
     * {@code t}, the line's change (if it is one) is dated to the moment the reading stopped holding.
     */
    private void observeLine(Instant t) {
        Condition c = lineCondition(t);
        Instant at = t;
        if (c.state() == MachineState.UNKNOWN) {
            MachineTracker m = flow.stream()
                    .filter(x -> x.spec.id().equals(c.machine()))
                    .findFirst()
                    .orElseThrow();
            Instant seen = m.timeline.lastSeen();
            if (seen != null) {
                Instant expired = seen.plus(config.maxHold());
                Instant lineSeen = line.lastSeen();
                at = lineSeen != null && expired.isBefore(lineSeen) ? lineSeen : expired;
                at = at.isAfter(t) ? t : at;
            }
        }
        line.observe(at, c);
        if (!at.equals(t)) {
            line.observe(t, c);
        }
    }

    private Condition lineCondition(Instant t) {
        Condition out = conditionAt(output, t);
        if (out.running()) {
            return out;
        }
        for (MachineState reason :
                List.of(MachineState.FAULTED, MachineState.MAINTENANCE, MachineState.STOPPED, MachineState.UNKNOWN)) {
            for (MachineTracker m : flow) {
                Condition c = conditionAt(m, t);
                if (c.state() == reason) {
                    return c;
                }
            }
        }
        return out;
    }

    /** A machine's condition at {@code t}: unknown once its last reading has stopped holding. */
    private Condition conditionAt(MachineTracker m, Instant t) {
        Instant seen = m.timeline.lastSeen();
        if (seen == null || t.isAfter(seen.plus(config.maxHold()))) {
            return Condition.of(MachineState.UNKNOWN, 0, m.spec.id());
        }
        return m.condition();
    }

    /** Samples dropped for coming before a newer one of the same machine. */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Counter readings that were unusable (bad quality, not a number, negative). */
    public long refusedReadings() {
        return flow.stream().mapToLong(MachineTracker::refused).sum();
    }

    public long counterRollovers() {
        return flow.stream().mapToLong(MachineTracker::rollovers).sum();
    }

    public long counterResets() {
        return flow.stream().mapToLong(MachineTracker::resets).sum();
    }

    /**
     * The line's and each machine's results for the shift periods overlapping {@code window}, the
     * current conditions counted up to {@code window.to()} (pass "now" for live figures). Line first,
     * then machines in flow order; periods in time order within each.
     */
    public List<OeeResult> results(Grouping by, TimeSpan window) {
        Instant from = window.from().isBefore(countFrom) ? countFrom : window.from();
        TimeSpan evaluated = new TimeSpan(from.isAfter(window.to()) ? window.to() : from, window.to());
        List<ShiftPeriod> periods = config.calendar().periods(evaluated);
        List<OeeResult> out = new ArrayList<>();
        MachineSpec outSpec = config.line().outputMachine();
        out.addAll(scope(Scope.LINE, config.line().id(), outSpec, line, periods, evaluated, by));
        for (MachineTracker m : flow) {
            out.addAll(scope(Scope.MACHINE, m.spec.id(), m.spec, m.timeline, periods, evaluated, by));
        }
        return out;
    }

    private List<OeeResult> scope(
            Scope scope,
            String id,
            MachineSpec spec,
            ConditionTimeline timeline,
            List<ShiftPeriod> periods,
            TimeSpan window,
            Grouping by) {
        Map<ShiftPeriod, PeriodTotals> snap = timeline.snapshot(window.to());
        Map<Object, Group> groups = new LinkedHashMap<>();
        for (ShiftPeriod p : periods) {
            TimeSpan clipped = p.span().intersect(window);
            if (clipped.length().isZero()) {
                continue;
            }
            Object key = by == Grouping.SHIFT ? p : p.day();
            Group g = groups.computeIfAbsent(key, k -> new Group(p, by));
            g.add(clipped, p.plannedSeconds(clipped), snap.getOrDefault(p, new PeriodTotals()));
        }
        List<OeeResult> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(g.result(scope, id, spec, config.faults()));
        }
        return out;
    }

    /** One result's periods summed. */
    private static final class Group {
        private final ShiftPeriod first;
        private final Grouping by;
        private Instant from;
        private Instant to;
        private double planned;
        private final PeriodTotals totals = new PeriodTotals();

        Group(ShiftPeriod first, Grouping by) {
            this.first = first;
            this.by = by;
        }

        void add(TimeSpan clipped, double plannedSeconds, PeriodTotals t) {
            from = from == null || clipped.from().isBefore(from) ? clipped.from() : from;
            to = to == null || clipped.to().isAfter(to) ? clipped.to() : to;
            planned += plannedSeconds;
            totals.addAll(t);
        }

        OeeResult result(Scope scope, String id, MachineSpec spec, FaultCatalog faults) {
            double production = totals.productionSeconds();
            List<Loss> losses = new ArrayList<>();
            double accounted = production;
            Map<Condition, double[]> byCondition = new LinkedHashMap<>(totals.byCondition);
            for (var e : byCondition.entrySet()) {
                Condition c = e.getKey();
                if (!c.running()) {
                    accounted += e.getValue()[0];
                }
            }
            double noData = planned - accounted;
            if (noData > 1e-6) {
                Condition unknown = new Condition(MachineState.UNKNOWN, 0, spec.id());
                double[] v = byCondition.getOrDefault(unknown, new double[2]).clone();
                v[0] += noData;
                byCondition.put(unknown, v);
            }
            for (var e : byCondition.entrySet()) {
                Condition c = e.getKey();
                if (c.running() || (e.getValue()[0] <= 0 && e.getValue()[1] == 0)) {
                    continue;
                }
                Optional<FaultInfo> fault = c.state() == MachineState.FAULTED
                        ? Optional.of(faults.describe(c.faultCode()))
                        : Optional.empty();
                losses.add(new Loss(c.machine(), c.state(), fault, e.getValue()[0], (long) e.getValue()[1]));
            }
            losses.sort(Comparator.comparingDouble(Loss::seconds).reversed());
            PeriodLabel label = new PeriodLabel(
                    new TimeSpan(from, to),
                    first.day(),
                    by == Grouping.SHIFT ? Optional.of(first.shift()) : Optional.empty());
            return new OeeResult(
                    scope,
                    id,
                    label,
                    planned,
                    production,
                    totals.good + totals.reject,
                    totals.good,
                    spec.idealCycleSeconds(),
                    losses);
        }
    }
}
