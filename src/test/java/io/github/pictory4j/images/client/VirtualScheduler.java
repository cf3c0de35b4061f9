package io.github.pictory4j.images.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scheduler and a clock on virtual time, for tests: tasks run when the virtual clock reaches them,
 * never because real time passed.
 *
 * <ul>
 *   <li>{@link #manual()}: time moves only when the test calls {@link #advance}, which runs the tasks
 *       due on the test's thread, in order.</li>
 *   <li>{@link #automatic()}: a worker thread runs the tasks in order, jumping the clock to each one's
 *       time at once, so that a blocking call that waits 2 s of backoff returns in milliseconds, and
 *       the clock shows exactly the 2 s.</li>
 * </ul>
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final boolean automatic;
    private final Thread worker;
    private Instant now = EPOCH;
    private long sequence;
    private boolean shutdown;
    private final List<Throwable> taskFailures = new ArrayList<>();

    private VirtualScheduler(boolean automatic) {
        this.automatic = automatic;
        if (automatic) {
            worker = new Thread(this::work, "virtual-scheduler");
            worker.setDaemon(true);
            worker.start();
        } else {
            worker = null;
        }
    }

    static VirtualScheduler manual() {
        return new VirtualScheduler(false);
    }

    static VirtualScheduler automatic() {
        return new VirtualScheduler(true);
    }

    /** The virtual clock. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    synchronized Instant now() {
        return now;
    }

    /** Virtual time since the start. */
    Duration elapsed() {
        return Duration.between(EPOCH, now());
    }

    /** Manual mode: moves the clock forward by {@code duration}, running every task due on the way. */
    void advance(Duration duration) {
        Instant until;
        synchronized (this) {
            until = now.plus(duration);
        }
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(until)) {
                    now = until;
                    return;
                }
                queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.run();
        }
    }

    /** Manual mode: runs what is due now (tasks scheduled without delay). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting for their time. */
    synchronized int queued() {
        return (int) queue.stream().filter(task -> !task.isCancelled()).count();
    }

    /** Automatic mode: waits (in real time, briefly) until no task is due or running. */
    void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            synchronized (this) {
                if (queue.isEmpty() && !running) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the virtual scheduler did not go idle: " + queued() + " tasks queued");
    }

    /**
     * Waits (in real time, briefly) until other threads have scheduled at least {@code tasks} tasks that
     * are not cancelled: in manual mode, so that the test advances time only once a blocking call on
     * another thread has set up what it waits on.
     */
    void awaitQueued(int tasks) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (queued() < tasks) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("still " + queued() + " of " + tasks + " tasks queued after 20 s");
            }
            Thread.sleep(2);
        }
    }

    synchronized List<Throwable> taskFailures() {
        return List.copyOf(taskFailures);
    }

    private boolean running;

    private void work() {
        while (true) {
            Task<?> next;
            synchronized (this) {
                while (queue.isEmpty() && !shutdown) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (shutdown) {
                    return;
                }
                next = queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
                running = true;
            }
            next.run();
            synchronized (this) {
                running = false;
            }
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task<V> task = new Task<>(callable, now.plusNanos(Math.max(0, unit.toNanos(delay))), sequence++);
        queue.add(task);
        notifyAll();
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the client");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the client");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown();
        List<Runnable> dropped = new ArrayList<>(queue);
        queue.clear();
        return dropped;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && !running;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (worker != null) {
            worker.join(unit.toMillis(timeout));
        }
        return isTerminated();
    }

    private final class Task<V> implements ScheduledFuture<V>, Runnable {
        private final Callable<V> callable;
        private final Instant due;
        private final long order;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean cancelled;
        private V value;
        private Throwable failure;

        Task(Callable<V> callable, Instant due, long order) {
            this.callable = callable;
            this.due = due;
            this.order = order;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            try {
                value = callable.call();
            } catch (Throwable e) {
                failure = e;
                synchronized (VirtualScheduler.this) {
                    taskFailures.add(e);
                }
            } finally {
                done.countDown();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task<?> task = (Task<?>) other;
            int byDue = due.compareTo(task.due);
            return byDue != 0 ? byDue : Long.compare(order, task.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done.getCount() == 0) {
                return false;
            }
            cancelled = true;
            synchronized (VirtualScheduler.this) {
                queue.remove(this);
            }
            done.countDown();
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done.getCount() == 0;
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            done.await();
            return result();
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            if (!done.await(timeout, unit)) {
                throw new TimeoutException();
            }
            return result();
        }

        private V result() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return value;
        }
    }
}
