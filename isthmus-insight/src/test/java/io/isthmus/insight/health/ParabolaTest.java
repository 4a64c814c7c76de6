package io.isthmus.insight.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParabolaTest {
    @Test
    void anExactParabolaIsRecoveredAndItsCrossingFound() {
        // v = 2 + 0.5 t + 0.25 t², sampled at t = 0..5, fitted around now = 5
        double[] t = {0, 1, 2, 3, 4, 5};
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = 2 + 0.5 * t[i] + 0.25 * t[i] * t[i];
        }
        double[] c = Parabola.fit(t, v, t.length, 5);
        // around x = t - 5: a = v(5) = 10.75, b = v'(5) = 3.0, c = 0.25
        assertThat(c[0]).isCloseTo(10.75, within(1e-9));
        assertThat(c[1]).isCloseTo(3.0, within(1e-9));
        assertThat(c[2]).isCloseTo(0.25, within(1e-9));
        // 10.75 + 3x + 0.25x² = 20.75 → x² + 12x − 40 = 0 → x = 2.7703
        assertThat(Parabola.firstCrossing(c, 20.75)).isCloseTo(-6 + Math.sqrt(76), within(1e-9));
    }

    @Test
    void aConcaveFitFallsBackToTheStraightLine() {
        double[] t = {0, 1, 2, 3, 4};
        double[] v = {0, 1.75, 3, 3.75, 4};
        double[] c = Parabola.fit(t, v, t.length, 4);
        assertThat(c[2]).isZero();
        assertThat(c[1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aFallingOrFlatLineNeverCrossesALevelAbove() {
        assertThat(Parabola.firstCrossing(new double[] {1, -0.5, 0}, 5)).isNaN();
        assertThat(Parabola.firstCrossing(new double[] {1, 0, 0}, 5)).isNaN();
        assertThat(Parabola.firstCrossing(new double[] {6, 0, 0}, 5)).isZero();
    }
}
