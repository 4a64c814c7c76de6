package io.isthmus.connect.config;

/**
 * Linear scaling from raw to engineering value: {@code raw * scale + offset}.
 *
 * @param scale multiplier; finite and non-zero
 * @param offset added after scaling; finite
 */
public record Scaling(double scale, double offset) {
    public static final Scaling IDENTITY = new Scaling(1, 0);

    public Scaling {
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("scale must be a finite non-zero number, was " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, was " + offset);
        }
    }

    public boolean isIdentity() {
        return scale == 1 && offset == 0;
    }

    public double apply(double raw) {
        return raw * scale + offset;
    }
}
