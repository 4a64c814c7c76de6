package io.isthmus.insight.rul;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operating-setting normalisation learnt from training engines: each sensor becomes a z-score
 * against the mean and spread of its own operating regime, which removes the jumps that come from
 * the flight condition and leaves the degradation. Sensors that do not vary in training (relative
 * spread under {@link #CONSTANT_RELATIVE_SPREAD}) carry no information and are dropped. The bar is
 * low on purpose: FD001's s8 and s13 move by only 3·10⁻⁵ of their level (about 2388 rpm) and
 * still carry the degradation.
 */
public final class SensorScaling {
    static final double CONSTANT_RELATIVE_SPREAD = 1e-6;

    private record Moments(double[] mean, double[] std) {}

    private final Map<OperatingRegime, Moments> regimes;
    private final int[] kept;

    private SensorScaling(Map<OperatingRegime, Moments> regimes, int[] kept) {
        this.regimes = regimes;
        this.kept = kept;
    }

    /** Fits the regimes and chooses the informative sensors from the given engines. */
    public static SensorScaling fit(List<EngineHistory> engines) {
        Map<OperatingRegime, double[][]> sums = new HashMap<>();
        double[][] all = new double[3][EngineCycle.SENSORS];
        for (EngineHistory e : engines) {
            for (EngineCycle c : e.cycles()) {
                accumulate(sums.computeIfAbsent(OperatingRegime.of(c), r -> new double[3][EngineCycle.SENSORS]), c);
                accumulate(all, c);
            }
        }
        if (sums.isEmpty()) {
            throw new IllegalArgumentException("no training cycles to fit the sensor scaling on");
        }
        Map<OperatingRegime, Moments> regimes = new HashMap<>();
        sums.forEach((r, s) -> regimes.put(r, moments(s)));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < EngineCycle.SENSORS; i++) {
            double spread = 0;
            double level = 0;
            for (Moments m : regimes.values()) {
                spread = Math.max(spread, m.std[i]);
                level = Math.max(level, Math.abs(m.mean[i]));
            }
            if (spread > CONSTANT_RELATIVE_SPREAD * Math.max(1, level)) {
                kept.add(i + 1);
            }
        }
        return new SensorScaling(
                regimes, kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The sensors kept, numbered from 1 as in the data set (s1..s21). */
    public List<Integer> keptSensors() {
        return java.util.Arrays.stream(kept).boxed().toList();
    }

    /** The kept sensors of one cycle as z-scores within its regime (the nearest known one if new). */
    double[] normalise(EngineCycle c) {
        Moments m = moments(OperatingRegime.of(c));
        double[] out = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            int i = kept[k] - 1;
            double std = m.std[i] > 0 ? m.std[i] : 1;
            out[k] = (c.sensor(kept[k]) - m.mean[i]) / std;
        }
        return out;
    }

    private Moments moments(OperatingRegime r) {
        Moments m = regimes.get(r);
        if (m != null) {
            return m;
        }
        OperatingRegime nearest = null;
        for (OperatingRegime known : regimes.keySet()) {
            if (nearest == null || known.distanceTo(r) < nearest.distanceTo(r)) {
                nearest = known;
            }
        }
        return regimes.get(nearest);
    }

    private static void accumulate(double[][] s, EngineCycle c) {
        for (int i = 0; i < EngineCycle.SENSORS; i++) {
            double v = c.sensor(i + 1);
            s[0][i] += 1;
            s[1][i] += v;
            s[2][i] += v * v;
        }
    }

    private static Moments moments(double[][] s) {
        double[] mean = new double[EngineCycle.SENSORS];
        double[] std = new double[EngineCycle.SENSORS];
        for (int i = 0; i < EngineCycle.SENSORS; i++) {
            double n = s[0][i];
            mean[i] = s[1][i] / n;
            std[i] = Math.sqrt(Math.max(0, s[2][i] / n - mean[i] * mean[i]));
        }
        return new Moments(mean, std);
    }
}
