package io.github.pictory4j.images.client.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The client's one limiter: at most {@code limit} tasks hold a turn at once, the others wait in order and hold
 * no thread. A task that ends passes its turn to the next waiting one. {@link Scheduling} limits its tasks with
 * it ({@code pictory.background.threads}), the image keeper its downloads ({@code pictory.store.image-downloads}).
 * Who starts a task that got a turn is the caller's choice: on its own thread, or on the scheduler.
 */
public final class Turns {

    private final int limit;
    /** Guarded by {@code this}. */
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    /** Guarded by {@code this}. */
    private int running;

    public Turns(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
    }

    /** True when {@code task} has a turn and the caller must start it now; false when it waits for one. */
    public synchronized boolean take(Runnable task) {
        if (running >= limit) {
            waiting.add(task);
            return false;
        }
        running++;
        return true;
    }

    /**
     * A task holding a turn ended (or waits, lending its turn): the waiting task that takes the turn over, which
     * the caller must start; or null, the turn given back, when none waits or more hold one than the limit.
     */
    public synchronized Runnable next() {
        if (running > limit || waiting.isEmpty()) {
            running--;
            return null;
        }
        return waiting.poll();
    }

    /** Gives a turn back without passing it on: its task could not be started. */
    public synchronized void giveBack() {
        running--;
    }

    /** A task back from a wait takes its turn again, past the limit for a moment: it was already running. */
    public synchronized void takeBack() {
        running++;
    }

    /** Tasks holding a turn now, and waiting for one. */
    public synchronized Load load() {
        return new Load(running, waiting.size());
    }

    public record Load(int running, int waiting) {
    }
}
