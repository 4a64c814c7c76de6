package io.isthmus.insight.rul;

import java.util.ArrayList;
import java.util.List;

/**
 * How a cycle history becomes one feature vector, and how the training target is shaped.
 *
 * <p>Per kept sensor (z-scored within its operating regime): the mean over the last {@code window}
 * cycles, the mean over the last {@code shortWindow} cycles (a de-noised "now") and the
 * least-squares slope over the window; plus the number of cycles flown. Early in a life the window
 * holds what there is. The target is the piecewise-linear RUL (Heimes, PHM 2008): constant at
 * {@code rulCap} while the engine is healthy, then falling one per cycle to zero at failure, because
 * nothing in the sensors tells a new engine's 300 remaining cycles from 200.
 */
public record RulFeatures(int window, int shortWindow, int rulCap) {
    public static final RulFeatures DEFAULT = new RulFeatures(60, 5, 125);

    public RulFeatures {
        if (window < 2 || window > 1_000) {
            throw new IllegalArgumentException("window must be 2 to 1000 cycles, was " + window);
        }
        if (shortWindow < 1 || shortWindow > window) {
            throw new IllegalArgumentException(
                    "shortWindow must be 1 to window (" + window + ") cycles, was " + shortWindow);
        }
        if (rulCap < 1) {
            throw new IllegalArgumentException("rulCap must be 1 or more cycles, was " + rulCap);
        }
    }

    /** Feature names in vector order, for the ML library and for reading a model. */
    public String[] names(SensorScaling scaling) {
        List<String> names = new ArrayList<>();
        for (int s : scaling.keptSensors()) {
            names.add("s" + s + ".mean" + window);
            names.add("s" + s + ".mean" + shortWindow);
            names.add("s" + s + ".slope" + window);
        }
        names.add("cycles");
        return names.toArray(String[]::new);
    }

    /** The features of every prefix of a history: row {@code k} is what was known after {@code k+1} cycles. */
    double[][] everyPrefix(EngineHistory engine, SensorScaling scaling) {
        double[][] z = engine.cycles().stream().map(scaling::normalise).toArray(double[][]::new);
        double[][] rows = new double[z.length][];
        for (int k = 0; k < z.length; k++) {
            rows[k] = vector(z, k + 1, engine.cycles().get(k).cycle());
        }
        return rows;
    }

    /** The features after the last cycle of a history: what a prediction uses. */
    double[] last(EngineHistory engine, SensorScaling scaling) {
        int from = Math.max(0, engine.length() - window);
        double[][] z = engine.cycles().subList(from, engine.length()).stream()
                .map(scaling::normalise)
                .toArray(double[][]::new);
        return vector(z, z.length, engine.cycles().getLast().cycle());
    }

    /** The capped training target after {@code cyclesDone} of an engine that failed after {@code life} cycles. */
    public double target(int cyclesDone, int life) {
        return Math.min(rulCap, life - cyclesDone);
    }

    private double[] vector(double[][] z, int end, int cycle) {
        int sensors = z[0].length;
        double[] out = new double[sensors * 3 + 1];
        int from = Math.max(0, end - window);
        int shortFrom = Math.max(0, end - shortWindow);
        for (int s = 0; s < sensors; s++) {
            out[3 * s] = mean(z, s, from, end);
            out[3 * s + 1] = mean(z, s, shortFrom, end);
            out[3 * s + 2] = slope(z, s, from, end);
        }
        out[sensors * 3] = cycle;
        return out;
    }

    private static double mean(double[][] z, int s, int from, int end) {
        double sum = 0;
        for (int i = from; i < end; i++) {
            sum += z[i][s];
        }
        return sum / (end - from);
    }

    private static double slope(double[][] z, int s, int from, int end) {
        int n = end - from;
        if (n < 2) {
            return 0;
        }
        double xMean = (n - 1) / 2.0;
        double yMean = mean(z, s, from, end);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - xMean;
            num += dx * (z[from + i][s] - yMean);
            den += dx * dx;
        }
        return num / den;
    }
}
