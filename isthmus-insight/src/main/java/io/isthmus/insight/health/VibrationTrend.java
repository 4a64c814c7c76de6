package io.isthmus.insight.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The recent course of a bearing's smoothed vibration, one point per {@code step} in a bounded
 * window, and when it will cross the trip limit. Bearing wear grows roughly linearly with running
 * time and vibration with its square (ISO 13373-3 describes the accelerating rise of a failing
 * rolling bearing), so the trend is a least-squares parabola; a straight line would extrapolate a
 * rising curve too late. The fit uses the window's points from the first one above the healthy
 * band onward, so the flat healthy past does not pull the curve down.
 */
final class VibrationTrend {
    /** Time in hours since the first sample: keeps the fit's fourth powers well-conditioned. */
    private record Point(double t, double v) {}

    private static final double HOUR_MS = 3_600_000.0;

    private final Duration step;
    private final int capacity;
    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private Instant origin;
    private Instant lastAdded;

    VibrationTrend(Duration step, int capacity) {
        this.step = step;
        this.capacity = capacity;
    }

    void accept(Instant time, double smoothedVibration) {
        if (origin == null) {
            origin = time;
        }
        if (lastAdded != null && Duration.between(lastAdded, time).compareTo(step) < 0) {
            return;
        }
        lastAdded = time;
        points.addLast(new Point(Duration.between(origin, time).toMillis() / HOUR_MS, smoothedVibration));
        if (points.size() > capacity) {
            points.removeFirst();
        }
    }

    /**
     * Running time until the fitted curve reaches {@code limit}, when the vibration is rising above
     * {@code healthyTop}; empty while it is not rising or too few points lie above the band.
     */
    Optional<Duration> timeTo(double limit, double healthyTop) {
        double[] t = new double[points.size()];
        double[] v = new double[points.size()];
        int n = 0;
        boolean above = false;
        for (Point p : points) {
            above |= p.v > healthyTop;
            if (above) {
                t[n] = p.t;
                v[n] = p.v;
                n++;
            }
        }
        if (n < 5) {
            return Optional.empty();
        }
        double now = t[n - 1];
        double[] c = Parabola.fit(t, v, n, now);
        if (c == null) {
            return Optional.empty();
        }
        double remaining = Parabola.firstCrossing(c, limit);
        if (!(remaining >= 0) || remaining > 10 * 365 * 24.0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(remaining * HOUR_MS)));
    }

    void reset() {
        points.clear();
        origin = null;
        lastAdded = null;
    }
}
