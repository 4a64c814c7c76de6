package io.isthmus.insight.health;

/**
 * Least-squares fit of v = a + b·x + c·x² (x = t − now, so a is the fitted value now) and the
 * first future x where the curve reaches a level. A concave fit (c &lt; 0) is replaced by the
 * straight line of the same points, because a falling curvature says nothing about failure.
 */
final class Parabola {
    private Parabola() {}

    /** Coefficients {a, b, c}, or null when the points do not determine them. */
    static double[] fit(double[] t, double[] v, int n, double now) {
        double s0 = n, s1 = 0, s2 = 0, s3 = 0, s4 = 0, y0 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < n; i++) {
            double x = t[i] - now;
            double x2 = x * x;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
            y0 += v[i];
            y1 += v[i] * x;
            y2 += v[i] * x2;
        }
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        double[] q = null;
        if (Math.abs(det) > 1e-12 * Math.abs(s0 * s2 * s4)) {
            double a = (y0 * (s2 * s4 - s3 * s3) - s1 * (y1 * s4 - s3 * y2) + s2 * (y1 * s3 - s2 * y2)) / det;
            double b = (s0 * (y1 * s4 - y2 * s3) - y0 * (s1 * s4 - s3 * s2) + s2 * (s1 * y2 - y1 * s2)) / det;
            double c = (s0 * (s2 * y2 - s3 * y1) - s1 * (s1 * y2 - y1 * s2) + y0 * (s1 * s3 - s2 * s2)) / det;
            q = new double[] {a, b, c};
        }
        if (q != null && q[2] >= 0) {
            return q;
        }
        double lineDet = s0 * s2 - s1 * s1;
        if (Math.abs(lineDet) < 1e-12) {
            return null;
        }
        double b = (s0 * y1 - s1 * y0) / lineDet;
        double a = (y0 - b * s1) / s0;
        return new double[] {a, b, 0};
    }

    /** The smallest x ≥ 0 with a + b·x + c·x² = level; 0 if already there, NaN if never. */
    static double firstCrossing(double[] coefficients, double level) {
        double a = coefficients[0] - level;
        double b = coefficients[1];
        double c = coefficients[2];
        if (a >= 0) {
            return 0;
        }
        if (c == 0) {
            return b > 0 ? -a / b : Double.NaN;
        }
        double disc = b * b - 4 * c * a;
        if (disc < 0) {
            return Double.NaN;
        }
        double root = (-b + Math.sqrt(disc)) / (2 * c);
        return root >= 0 ? root : Double.NaN;
    }
}
