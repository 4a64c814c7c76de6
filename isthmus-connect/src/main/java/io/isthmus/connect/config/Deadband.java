package io.isthmus.connect.config;

import java.util.OptionalDouble;

/**
 * Report-by-exception for numeric tags. A new value is reported when it differs from the last
 * reported one by more than {@code absolute} (engineering units) or by more than {@code percent} of
 * the last reported value's magnitude; whichever is set, either suffices. An absolute deadband of 0
 * reports every change. {@link #NONE} reports every poll. Booleans and text report on change
 * whenever any deadband is set. A change of quality is always reported.
 */
public record Deadband(OptionalDouble absolute, OptionalDouble percent) {
    public static final Deadband NONE = new Deadband(OptionalDouble.empty(), OptionalDouble.empty());

    public Deadband {
        absolute.ifPresent(a -> require(a, "absolute"));
        percent.ifPresent(p -> require(p, "percent"));
    }

    public static Deadband absolute(double a) {
        return new Deadband(OptionalDouble.of(a), OptionalDouble.empty());
    }

    public static Deadband percent(double p) {
        return new Deadband(OptionalDouble.empty(), OptionalDouble.of(p));
    }

    public boolean isNone() {
        return absolute.isEmpty() && percent.isEmpty();
    }

    /** True when {@code next} should be reported after {@code last}. */
    public boolean exceeded(double last, double next) {
        if (isNone()) {
            return true;
        }
        if (Double.isNaN(last) != Double.isNaN(next)) {
            return true;
        }
        double delta = Math.abs(next - last);
        boolean byAbsolute = absolute.isPresent() && delta > absolute.getAsDouble();
        boolean byPercent = percent.isPresent() && delta > Math.abs(last) * percent.getAsDouble() / 100;
        return byAbsolute || byPercent;
    }

    private static void require(double v, String name) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("deadband " + name + " must be a finite number >= 0, was " + v);
        }
    }
}
