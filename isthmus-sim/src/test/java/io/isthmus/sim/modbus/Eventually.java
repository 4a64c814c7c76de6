package io.isthmus.sim.modbus;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that another thread makes true, failing after a deadline. */
final class Eventually {
    private Eventually() {}

    static void await(Duration atMost, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + atMost + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
