package io.isthmus.insight.oee;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one scope accumulated in one shift period: seconds per condition, occurrences, units. */
final class PeriodTotals {
    final Map<Condition, double[]> byCondition = new LinkedHashMap<>(); // {seconds, count}
    long good;
    long reject;

    void addSeconds(Condition c, double seconds) {
        byCondition.computeIfAbsent(c, k -> new double[2])[0] += seconds;
    }

    void addOccurrence(Condition c) {
        byCondition.computeIfAbsent(c, k -> new double[2])[1]++;
    }

    double productionSeconds() {
        double s = 0;
        for (var e : byCondition.entrySet()) {
            if (e.getKey().running()) {
                s += e.getValue()[0];
            }
        }
        return s;
    }

    PeriodTotals copy() {
        PeriodTotals t = new PeriodTotals();
        byCondition.forEach((k, v) -> t.byCondition.put(k, v.clone()));
        t.good = good;
        t.reject = reject;
        return t;
    }

    void addAll(PeriodTotals other) {
        other.byCondition.forEach((k, v) -> {
            double[] mine = byCondition.computeIfAbsent(k, x -> new double[2]);
            mine[0] += v[0];
            mine[1] += v[1];
        });
        good += other.good;
        reject += other.reject;
    }
}
