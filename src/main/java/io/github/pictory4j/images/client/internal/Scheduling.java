package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's only sources of time: a {@link Clock} to read it and a scheduler to wait on it (in a
 * container, its managed scheduled executor; in tests, a virtual one). It also keeps the futures of
 * unfinished work, so that {@link #close()} can end each of them with a clear error when the
 * application stops, instead of leaving callers hanging. A task runs in the telemetry context that was
 * current when it was scheduled, so that a retry or a poll sits under the operation that scheduled it.
 *
 * <p>At most {@code maxRunning} of its tasks hold a thread at once ({@code pictory.background.threads}):
 * a task whose time has come while that many run waits in a queue that holds no thread, and runs when
 * one of them ends. The container's executor also serves the application's requests; without the limit
 * a slow Pictory took every thread with polls waiting for it (200 of 200 in a cluster instance), and the
 * instance could no longer answer a health check, or the webhook calls that the slow Pictory was itself
 * waiting on. A task that blocks on the client's own work ({@link Blocking#join}, an application's
 * observer calling the blocking API) gives its turn back while it waits, so that the work can run.
 */
public final class Scheduling implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Scheduling.class.getName());
    static final String SHUTTING_DOWN = "Stopped waiting for a Pictory job: the application is shutting down."
            + " The job goes on at Pictory; wait for it again by its id after the restart.";

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Set<Timer> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** The scheduling whose task this thread runs now, if any: a wait on this thread gives its turn back. */
    private static final ThreadLocal<Scheduling> RUNNING_ON_THIS_THREAD = new ThreadLocal<>();
    /** Tasks holding a thread now, and those whose time has come waiting for a turn. */
    private final Turns turns;

    /** @param maxRunning how many of its tasks may hold a thread at once */
    public Scheduling(ScheduledExecutorService scheduler, Clock clock, Telemetry telemetry, int maxRunning) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.turns = new Turns(maxRunning);
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
            Runnable carried = telemetry.carry(timer::fire);
            timer.scheduled(scheduler.schedule(() -> admit(carried), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS));
            return timer;
        } catch (RejectedExecutionException e) {
            timers.remove(timer);
            owner.completeExceptionally(new PictoryException(
                    "Cannot schedule the next call to Pictory: the executor refused it (is the application stopping?)", e));
            return null;
        }
    }

    /** Tasks holding a thread now and waiting for a turn, for tests and diagnostics. */
    public Load load() {
        Turns.Load load = turns.load();
        return new Load(load.running(), load.waiting());
    }

    public record Load(int running, int waiting) {
    }

    /** Runs {@code task} now if fewer than the limit run, else queues it. */
    private void admit(Runnable task) {
        if (turns.take(task)) {
            runTurns(task);
        }
    }

    /**
     * On this thread's turn: {@code first}, then the tasks queued meanwhile, until none is left. The turn
     * is given back at the end, also when an {@link Error} escapes a task.
     */
    private void runTurns(Runnable first) {
        boolean holding = true;
        try {
            for (Runnable next = first; next != null; next = turns.next()) {
                runHoldingTurn(next);
            }
            holding = false; // next() found none and gave the turn back
        } finally {
            if (holding) {
                turns.giveBack();
            }
        }
    }

    private void runHoldingTurn(Runnable task) {
        Scheduling outer = RUNNING_ON_THIS_THREAD.get();
        RUNNING_ON_THIS_THREAD.set(this);
        try {
            task.run();
        } catch (RuntimeException e) {
            // A task's own failure is its owner's to report; the turn must pass on regardless.
            LOG.log(Level.WARNING, "A scheduled task of the Pictory client failed", e);
        } finally {
            RUNNING_ON_THIS_THREAD.set(outer);
        }
    }

    /** A wait for the client's own work, such as {@link java.util.concurrent.Future#get()}. */
    @FunctionalInterface
    interface Wait<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    /**
     * Waits with {@code wait}; when this thread runs one of the client's tasks, its turn goes to a queued
     * task meanwhile (which may be the very work it waits for), and it takes a turn again afterwards.
     */
    static <T> T giveTurnWhile(Wait<T> wait) throws InterruptedException, ExecutionException {
        Scheduling holder = RUNNING_ON_THIS_THREAD.get();
        if (holder == null) {
            return wait.get();
        }
        holder.lend();
        try {
            return wait.get();
        } finally {
            holder.turns.takeBack();
        }
    }

    /**
     * This thread's task waits: its turn starts the next queued task on another thread. When the count is
     * over the limit already (other tasks came back from their waits), the turn is only given back, so
     * that waits never add up to more threads than the limit plus the tasks waiting now.
     */
    private void lend() {
        Runnable next = turns.next();
        if (next == null) {
            return;
        }
        try {
            scheduler.execute(() -> runTurns(next));
        } catch (RejectedExecutionException stopping) {
            turns.giveBack(); // the application is stopping; close() ends what waits
        }
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
