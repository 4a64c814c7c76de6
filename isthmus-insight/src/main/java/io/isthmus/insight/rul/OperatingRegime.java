package io.isthmus.insight.rul;

/**
 * An operating condition (altitude, Mach number, throttle angle) as C-MAPSS encodes it in its three
 * settings. FD002 and FD004 fly six conditions whose settings scatter slightly around fixed points;
 * rounding puts each cycle on its point. FD001 and FD003 have one.
 */
record OperatingRegime(long altitude, long mach, long throttle) {
    static OperatingRegime of(EngineCycle c) {
        return new OperatingRegime(Math.round(c.setting(1)), Math.round(c.setting(2) * 10), Math.round(c.setting(3)));
    }

    double distanceTo(OperatingRegime o) {
        double a = altitude - o.altitude;
        double m = mach - o.mach;
        double t = throttle - o.throttle;
        return a * a + m * m + t * t;
    }
}
