package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The limit on the client's threads, on real threads: tasks held open by the test show how many run at
 * once. The test waits for states, never for a length of time.
 */
class SchedulingTest {

    /** More threads than the limit, as a container's executor has: only the limit holds tasks back. */
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(16);
    private final CompletableFuture<Void> owner = new CompletableFuture<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void noMoreTasksHoldAThreadThanTheLimitAndTheOthersWaitTheirTurnInOrder() {
        Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 2);
        Semaphore gate = new Semaphore(0);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        for (int n = 0; n < 10; n++) {
            int task = n;
            scheduling.schedule(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.add(task);
                gate.acquireUninterruptibly();
                running.decrementAndGet();
            }, Duration.ZERO, owner);
            // One at a time, so that the order in which they come due is the order of n.
            Scheduling.Load due = new Scheduling.Load(Math.min(n + 1, 2), Math.max(0, n - 1));
            Await.until(() -> scheduling.load().equals(due), "task " + n + " came due");
        }

        assertEquals(new Scheduling.Load(2, 8), scheduling.load(), "two run and eight wait");
        for (int released = 1; released <= 8; released++) {
            gate.release();
            int expected = 2 + released;
            Await.until(() -> started.size() == expected, "task " + expected + " started when one ended");
        }
        gate.release(2);
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "all done, no turn held");

        assertEquals(2, mostAtOnce.get());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), started.subList(2, 10), "the waiting ones in their order");
    }

    @Test
    void aTaskThatWaitsForTheClientsOwnWorkGivesItsTurnToThatWork() {
        // One turn: a task that joins on work scheduled after it would wait forever for its own turn.
        Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 1);
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> observer = new CompletableFuture<>();
        scheduling.schedule(() -> {
            scheduling.schedule(() -> work.complete("done"), Duration.ZERO, owner);
            observer.complete(Blocking.join(work, "Waiting for the work"));
        }, Duration.ZERO, owner);

        Await.until(observer::isDone, "the waiting task got its answer");
        assertEquals("done", observer.join());
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "every turn given back");
    }

    @Test
    void waitsThatComeBackNeverAddUpToMoreThreadsThanTheLimit() throws Exception {
        Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 1);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch secondWait = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Void> observer = new CompletableFuture<>();
        // An observer that calls the blocking API twice, as an application's observer of job ends might.
        scheduling.schedule(() -> {
            Blocking.join(first, "Waiting for the first");
            secondWait.countDown();
            Blocking.join(second, "Waiting for the second");
            observer.complete(null);
        }, Duration.ZERO, owner);
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "the observer waits, its turn given back");

        Semaphore gate = new Semaphore(0);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        for (int n = 0; n < 3; n++) {
            scheduling.schedule(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                gate.acquireUninterruptibly();
                running.decrementAndGet();
            }, Duration.ZERO, owner);
        }
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(1, 2)), "one task runs, two wait");

        first.complete("one"); // the observer comes back, over the limit for a moment, and waits again
        secondWait.await();
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(1, 2)),
                "its second wait gives its turn back instead of starting a second task");
        second.complete("two");
        Await.until(observer::isDone, "the observer done");
        gate.release(3);
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "all done, no turn held");

        assertEquals(1, mostAtOnce.get(), "never two of the tasks at once with a limit of one");
    }

    @Test
    void anErrorThatEscapesATaskStillGivesItsTurnBack() {
        ScheduledExecutorService quiet = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task);
            thread.setUncaughtExceptionHandler((t, e) -> { }); // the Error is the test's own
            return thread;
        });
        try {
            Scheduling scheduling = new Scheduling(quiet, Clock.systemUTC(), Telemetry.NONE, 1);
            CompletableFuture<String> after = new CompletableFuture<>();
            scheduling.schedule(() -> {
                throw new AssertionError("an Error in a task");
            }, Duration.ZERO, owner);
            Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "the turn given back");
            scheduling.schedule(() -> after.complete("ran"), Duration.ZERO, owner);
            Await.until(after::isDone, "the next task ran");
        } finally {
            quiet.shutdownNow();
        }
    }

    @Test
    void aTaskThatFailsGivesItsTurnBack() {
        Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 1);
        CompletableFuture<String> after = new CompletableFuture<>();
        scheduling.schedule(() -> {
            throw new IllegalStateException("a bug in a task");
        }, Duration.ZERO, owner);
        scheduling.schedule(() -> after.complete("ran"), Duration.ZERO, owner);

        Await.until(after::isDone, "the next task ran");
        Await.until(() -> scheduling.load().equals(new Scheduling.Load(0, 0)), "no turn held");
    }

    @Test
    void theLimitIsASettingCheckedWithItsName() {
        assertEquals(16, PictorySettings.DEFAULT.backgroundThreads());
        PictoryConfigurationException zero = assertThrows(PictoryConfigurationException.class,
                () -> new PictorySettings(Duration.ofSeconds(15), Duration.ofMinutes(10), RetryPolicy.none(), 0));
        assertEquals("pictory.background.threads (env PICTORY_BACKGROUND_THREADS) must be from 1 to 1000, such as 16",
                zero.getMessage());
        assertEquals(4, PictorySettings.DEFAULT.withBackgroundThreads(4).backgroundThreads());
    }

}
