package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following a job while telemetry records: the job's model, which names the chain's span, is read from
 * the store before the poller's lock is taken, so that a slow store holds up no other chain. No poll
 * runs here (the first is an hour away).
 */
class JobPollerTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    private final CountDownLatch storeEntered = new CountDownLatch(1);
    private final CountDownLatch storeReleased = new CountDownLatch(1);
    private final List<String> reads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        storeReleased.countDown();
        threads.shutdownNow();
    }

    /** The in-memory store, whose reads of a job's record wait until the test releases them. */
    private PollerRecords slowStore() {
        JobStore memory = JobStore.inMemory();
        JobRecords store = memory.records();
        JobRecords slow = (JobRecords) Proxy.newProxyInstance(JobRecords.class.getClassLoader(), new Class<?>[]{JobRecords.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        reads.add((String) args[0]);
                        storeEntered.countDown();
                        assertTrue(storeReleased.await(20, TimeUnit.SECONDS), "the test did not release the store");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new PollerRecords(slow, memory.claims(), false, "instance-1");
    }

    /** Telemetry that records: following a job then reads its model, to name the chain's span. */
    private static Telemetry recording() {
        return new Telemetry() {
            @Override
            public boolean active() {
                return true;
            }
        };
    }

    private JobPoller poller(PollerRecords store, Telemetry telemetry) {
        Scheduling scheduling = new Scheduling(threads, Clock.systemUTC(), Telemetry.NONE, 16);
        return new JobPoller(null, null, new JobWaits(), scheduling, store, telemetry);
    }

    @Test
    void aSlowStoreReadForTheSpansNameHoldsUpNoOtherChain() throws Exception {
        JobPoller poller = poller(slowStore(), recording());
        CompletableFuture<JobPoller.Interest> first = CompletableFuture.supplyAsync(() -> poller.follow("job-a", HOUR, HOUR));
        assertTrue(storeEntered.await(20, TimeUnit.SECONDS), "following job-a reads its model");

        CompletableFuture<Integer> followed = CompletableFuture.supplyAsync(poller::followed);
        assertEquals(0, followed.get(20, TimeUnit.SECONDS), "the poller answers while job-a's model is read");

        storeReleased.countDown();
        first.get(20, TimeUnit.SECONDS);
        assertEquals(1, poller.followed());
        assertEquals(List.of("job-a"), reads);
    }

    @Test
    void aJobFollowedAlreadyOrWithoutTelemetryIsNotReadAgain() throws Exception {
        storeReleased.countDown();
        JobPoller traced = poller(slowStore(), recording());
        traced.follow("job-a", HOUR, HOUR);
        traced.follow("job-a", HOUR, HOUR);
        poller(slowStore(), Telemetry.NONE).follow("job-b", HOUR, HOUR);

        assertEquals(List.of("job-a"), reads, "one read for job-a's span, none for the second wait or without telemetry");
    }
}
