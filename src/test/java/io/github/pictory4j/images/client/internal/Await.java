package io.github.pictory4j.images.client.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a state that other threads bring about; a test that uses it never waits for a length of time. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code condition} holds; fails, naming {@code what}, if it still does not after 20 s. */
    public static void until(BooleanSupplier condition, String what) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("still not so after 20 s: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
