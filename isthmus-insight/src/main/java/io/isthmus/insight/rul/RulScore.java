package io.isthmus.insight.rul;

import java.util.List;

/**
 * How good a set of RUL predictions is: root-mean-square error in cycles and the PHM08 challenge
 * score (Saxena et al. 2008), which punishes late predictions (predicted above true, the engine
 * fails first) harder than early ones: with d = predicted − true, e^(−d/13) − 1 for d &lt; 0 and
 * e^(d/10) − 1 for d ≥ 0, summed over engines. Lower is better for both.
 */
public record RulScore(int engines, double rmse, double phm08, double meanError) {

    public static RulScore of(List<Double> predicted, List<? extends Number> truth) {
        if (predicted.size() != truth.size() || predicted.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as true values, and at least one; got "
                    + predicted.size() + " and " + truth.size());
        }
        double squares = 0;
        double score = 0;
        double errors = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double d = predicted.get(i) - truth.get(i).doubleValue();
            squares += d * d;
            errors += d;
            score += phm08(d);
        }
        int n = predicted.size();
        return new RulScore(n, Math.sqrt(squares / n), score, errors / n);
    }

    /** The PHM08 penalty of one prediction error {@code d = predicted − true}. */
    public static double phm08(double d) {
        return d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
    }
}
