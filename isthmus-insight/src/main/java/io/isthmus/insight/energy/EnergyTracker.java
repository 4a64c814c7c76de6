package io.isthmus.insight.energy;

import io.isthmus.insight.counter.CounterStep;
import io.isthmus.insight.counter.CumulativeCounter;
import io.isthmus.insight.oee.Grouping;
import io.isthmus.insight.oee.OeeResult;
import io.isthmus.insight.oee.PeriodLabel;
import io.isthmus.insight.shift.ShiftPeriod;
import io.isthmus.insight.shift.TimeSpan;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kWh per meter and shift period from cumulative energy counters, sample by sample (the hub's
 * streaming form) or over a historian range ({@link #compute}).
 *
 * <p>Each increase between two readings (rollover and reset handled by {@link CumulativeCounter})
 * is spread evenly over the time between them and split at shift boundaries; energy used in a
 * break belongs to its shift; energy outside every shift is counted in {@link #outsideShiftsKwh}.
 * Readings further apart than {@code maxGap} are reported as gaps (at most {@link #MAX_GAPS}).
 * Bad-quality and non-numeric readings are skipped and counted; older readings than the newest of
 * the same meter are dropped and counted. Nothing before {@code countFrom} is counted. Not
 * thread-safe.
 */
public final class EnergyTracker {
    public static final int MAX_GAPS = 1_000;
    public static final int MAX_PERIODS = 1_100;

    private final EnergyConfig config;
    private final Instant countFrom;
    private final Map<String, Channel> byTag = new HashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<EnergyGap> gaps = new ArrayList<>();
    private long refused;
    private long outOfOrder;
    private long gapsDropped;

    public EnergyTracker(EnergyConfig config, Instant countFrom) {
        this.config = config;
        this.countFrom = countFrom;
        for (EnergyMeter m : config.meters()) {
            Channel c = new Channel(m, CumulativeCounter.wrappingAt(config.counterMax()));
            byTag.put(m.tag().toString(), c);
            channels.add(c);
        }
    }

    /** Batch form over time-ordered samples; {@code oee} supplies the good units (may be empty). */
    public static List<EnergyResult> compute(
            EnergyConfig config, Iterable<Sample> samples, TimeSpan window, Grouping by, List<OeeResult> oee) {
        EnergyTracker t = new EnergyTracker(config, window.from());
        samples.forEach(t::accept);
        return t.results(by, window, oee);
    }

    public void accept(Sample s) {
        Channel c = byTag.get(s.path().toString());
        if (c == null) {
            return;
        }
        double v = number(s);
        if (!(v >= 0 && Double.isFinite(v))) {
            refused++;
            return;
        }
        Instant t = s.sourceTime();
        if (c.last != null && t.isBefore(c.last)) {
            outOfOrder++;
            return;
        }
        CounterStep step = c.counter.accept(v);
        Instant prev = c.last;
        c.last = t;
        if (prev == null || step.increase() <= 0 && !t.isAfter(prev.plus(config.maxGap()))) {
            return;
        }
        TimeSpan span = new TimeSpan(prev, t);
        if (span.length().compareTo(config.maxGap()) > 0 && t.isAfter(countFrom)) {
            if (gaps.size() < MAX_GAPS) {
                gaps.add(new EnergyGap(c.meter.id(), span, step.increase()));
            } else {
                gapsDropped++;
            }
        }
        spread(c, span, step.increase());
    }

    private void spread(Channel c, TimeSpan span, double kwh) {
        if (kwh <= 0) {
            return;
        }
        if (span.length().isZero()) {
            config.calendar().periodAt(span.to()).ifPresentOrElse(p -> c.add(p, kwh), () -> c.outside += kwh);
            return;
        }
        Instant from = span.from().isBefore(countFrom) ? countFrom : span.from();
        if (!span.to().isAfter(from)) {
            return;
        }
        double total = span.seconds();
        TimeSpan counted = new TimeSpan(from, span.to());
        double inside = 0;
        for (ShiftPeriod p : config.calendar().periods(counted)) {
            double share = kwh * p.span().intersect(counted).seconds() / total;
            c.add(p, share);
            inside += share;
        }
        c.outside += kwh * counted.seconds() / total - inside;
    }

    private static double number(Sample s) {
        if (!(s.quality() == Quality.GOOD || s.quality() == Quality.STALE)) {
            return Double.NaN;
        }
        return switch (s.value()) {
            case Value.Int i -> i.value();
            case Value.Real r -> r.value();
            case Value.Bool b -> Double.NaN;
            case Value.Text x -> Double.NaN;
        };
    }

    /** Gaps found so far, oldest first (at most {@link #MAX_GAPS}; {@link #gapsDropped()} counts the rest). */
    public List<EnergyGap> gaps() {
        return List.copyOf(gaps);
    }

    public long gapsDropped() {
        return gapsDropped;
    }

    public long refusedReadings() {
        return refused;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    public long resets() {
        return channels.stream().mapToLong(c -> c.counter.resets()).sum();
    }

    public long rollovers() {
        return channels.stream().mapToLong(c -> c.counter.rollovers()).sum();
    }

    /** kWh counted outside every shift, per meter id. */
    public Map<String, Double> outsideShiftsKwh() {
        Map<String, Double> out = new LinkedHashMap<>();
        channels.forEach(c -> out.put(c.meter.id(), c.outside));
        return out;
    }

    /**
     * One result per meter and period overlapping {@code window}, in the meters' order; good units
     * joined from {@code oee} by scope, id and period.
     */
    public List<EnergyResult> results(Grouping by, TimeSpan window, List<OeeResult> oee) {
        Map<String, Long> goodByKey = new HashMap<>();
        for (OeeResult r : oee) {
            goodByKey.put(key(r.scope().label(), r.id(), r.period()), r.good());
        }
        Instant from = window.from().isBefore(countFrom) ? countFrom : window.from();
        TimeSpan evaluated = new TimeSpan(from.isAfter(window.to()) ? window.to() : from, window.to());
        List<ShiftPeriod> periods = config.calendar().periods(evaluated);
        List<EnergyResult> out = new ArrayList<>();
        for (Channel c : channels) {
            Map<Object, Object[]> groups = new LinkedHashMap<>(); // key -> {PeriodLabel, kwh}
            for (ShiftPeriod p : periods) {
                TimeSpan clipped = p.span().intersect(evaluated);
                if (clipped.length().isZero()) {
                    continue;
                }
                Object k = by == Grouping.SHIFT ? p : p.day();
                Object[] g = groups.computeIfAbsent(k, x -> new Object[] {null, 0.0});
                PeriodLabel prior = (PeriodLabel) g[0];
                TimeSpan span =
                        prior == null ? clipped : new TimeSpan(prior.span().from(), clipped.to());
                g[0] = new PeriodLabel(span, p.day(), by == Grouping.SHIFT ? Optional.of(p.shift()) : Optional.empty());
                g[1] = (double) g[1] + c.kwh.getOrDefault(p, 0.0);
            }
            for (Object[] g : groups.values()) {
                PeriodLabel label = (PeriodLabel) g[0];
                long good = goodByKey.getOrDefault(key(c.meter.scope().label(), c.meter.id(), label), 0L);
                out.add(new EnergyResult(
                        c.meter.scope(),
                        c.meter.id(),
                        label,
                        (double) g[1],
                        good,
                        config.factors().forYear(label.day().getYear())));
            }
        }
        return out;
    }

    private static String key(String scope, String id, PeriodLabel p) {
        return scope + "|" + id + "|" + p.day() + "|" + p.shift().orElse("");
    }

    private static final class Channel {
        final EnergyMeter meter;
        final CumulativeCounter counter;
        final Map<ShiftPeriod, Double> kwh = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ShiftPeriod, Double> eldest) {
                return size() > MAX_PERIODS;
            }
        };
        Instant last;
        double outside;

        Channel(EnergyMeter meter, CumulativeCounter counter) {
            this.meter = meter;
            this.counter = counter;
        }

        void add(ShiftPeriod p, double v) {
            kwh.merge(p, v, Double::sum);
        }
    }
}
