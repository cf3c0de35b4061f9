package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The client's only sources of time: a {@link Clock} to read it and a scheduler to wait on it (in a
 * container, its managed scheduled executor; in tests, a virtual one). It also keeps the futures of
 * unfinished work, so that {@link #close()} can end each of them with a clear error when the
 * application stops, instead of leaving callers hanging. A task runs in the telemetry context that was
 * current when it was scheduled, so that a retry or a poll sits under the operation that scheduled it.
 */
public final class Scheduling implements AutoCloseable {

    static final String SHUTTING_DOWN = "Stopped waiting for a Pictory job: the application is shutting down."
            + " The job goes on at Pictory; wait for it again by its id after the restart.";

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Set<Timer> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Scheduling(ScheduledExecutorService scheduler, Clock clock, Telemetry telemetry) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    public Clock clock() {
        return clock;
    }

    /** Keeps {@code future} until it completes, so that closing can end it. */
    public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        if (closed) {
            future.completeExceptionally(new PictoryException(SHUTTING_DOWN));
            return future;
        }
        pending.add(future);
        future.whenComplete((value, failure) -> pending.remove(future));
        return future;
    }

    /**
     * Runs {@code task} after {@code delay}. When the client is closed or the executor refuses the
     * task (the application is stopping), {@code owner} fails instead, with a message that says so.
     *
     * @return the scheduled task, for cancelling; null when it was refused
     */
    public Timer schedule(Runnable task, Duration delay, CompletableFuture<?> owner) {
        if (closed) {
            owner.completeExceptionally(new PictoryException(SHUTTING_DOWN));
            return null;
        }
        Timer timer = new Timer(task);
        timers.add(timer);
        try {
            timer.scheduled(scheduler.schedule(telemetry.carry(timer::fire), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS));
            return timer;
        } catch (RejectedExecutionException e) {
            timers.remove(timer);
            owner.completeExceptionally(new PictoryException(
                    "Cannot schedule the next call to Pictory: the executor refused it (is the application stopping?)", e));
            return null;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Ends every pending wait with a clear error and cancels what is scheduled; the jobs go on at Pictory. */
    @Override
    public void close() {
        closed = true;
        for (Timer timer : timers) {
            timer.cancel();
        }
        timers.clear();
        for (CompletableFuture<?> future : pending) {
            future.completeExceptionally(new PictoryException(SHUTTING_DOWN));
        }
        pending.clear();
    }

    /** A task waiting for its time; cancelling it before it runs means it never does. */
    public final class Timer {
        private final Runnable task;
        private volatile Future<?> future;
        private volatile boolean cancelled;

        private Timer(Runnable task) {
            this.task = task;
        }

        private void scheduled(Future<?> scheduled) {
            future = scheduled;
            if (cancelled) {
                scheduled.cancel(false);
            }
        }

        private void fire() {
            timers.remove(this);
            if (!cancelled) {
                task.run();
            }
        }

        public void cancel() {
            cancelled = true;
            timers.remove(this);
            Future<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
