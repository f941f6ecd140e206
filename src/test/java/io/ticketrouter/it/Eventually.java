package io.ticketrouter.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition with a bound, instead of a fixed sleep before an assertion: the wait ends as soon as the
 * condition holds, and a condition that never holds fails with what was last seen. The bounds are liveness bounds
 * (seconds), never performance claims.
 */
public final class Eventually {

    private Eventually() {}

    /** Waits until {@code condition} holds; fails after {@code bound} with {@code what}. */
    public static void until(Duration bound, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " (not within " + bound.toSeconds() + " s)");
            }
            pause();
        }
    }

    /** Waits until {@code condition} holds; fails after {@code bound} with {@code what} and the last state seen. */
    public static void until(Duration bound, String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        what + " (not within " + bound.toSeconds() + " s; last seen: " + state.get() + ")");
            }
            pause();
        }
    }

    /**
     * Checks that {@code condition} keeps holding for {@code period}: for "nothing more arrives" assertions (exactly
     * once, nothing after a close), which can only be shown by watching for a while. Fails at the first moment it
     * stops holding.
     */
    public static void holdsFor(Duration period, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.getAsBoolean()) {
                throw new AssertionError(what);
            }
            pause();
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError(what);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
