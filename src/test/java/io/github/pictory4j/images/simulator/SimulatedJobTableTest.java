package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobTraffic;
import io.github.pictory4j.images.simulator.control.WebhookCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedJobTableTest {

    private static final String OWNER = SimulatorScope.DEFAULT_ID;

    private final SimulatedJobTable store = new SimulatedJobTable();

    @Test
    void keepsAtMostTheLimitForgettingTheOldest() {
        for (int i = 1; i <= 5; i++) {
            store.add(OWNER, Jobs.job("job-" + i, i, "A prompt " + i), 3);
        }

        assertEquals(3, store.size());
        assertTrue(store.find("job-1").isEmpty());
        assertTrue(store.find("job-2").isEmpty());
        assertEquals(List.of("job-5", "job-4", "job-3"), store.newestFirst(OWNER).stream().map(SimulatedJob::id).toList());
    }

    @Test
    void aForgottenJobTakesItsImageWithIt() {
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 1);
        store.image("job-1", job -> new byte[]{1});

        store.add(OWNER, Jobs.job("job-2", 2, "A prompt"), 1);

        assertTrue(store.image("job-1", job -> new byte[]{2}).isEmpty());
        assertEquals(1, store.size());
    }

    @Test
    void theLimitCanShrinkWhileRunning() {
        for (int i = 1; i <= 10; i++) {
            store.add(OWNER, Jobs.job("job-" + i, i, "A prompt"), 10);
        }

        store.add(OWNER, Jobs.job("job-11", 11, "A prompt"), 2);

        assertEquals(List.of("job-11", "job-10"), store.newestFirst(OWNER).stream().map(SimulatedJob::id).toList());
    }

    @Test
    void rendersAnImageOnceAndKeepsIt() {
        AtomicInteger renders = new AtomicInteger();
        Function<SimulatedJob, byte[]> renderer = job -> new byte[]{(byte) renders.incrementAndGet()};
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 10);

        assertArrayEquals(new byte[]{1}, store.image("job-1", renderer).orElseThrow());
        assertArrayEquals(new byte[]{1}, store.image("job-1", renderer).orElseThrow());
        assertEquals(1, renders.get());
    }

    @Test
    void cleaningMarksTheJobAndDropsItsImage() {
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 10);
        store.image("job-1", job -> new byte[]{1});

        Optional<SimulatedJob> cleaned = store.clean("job-1");

        assertTrue(cleaned.orElseThrow().cleaned());
        assertTrue(store.find("job-1").orElseThrow().cleaned());
        assertTrue(store.image("job-1", job -> new byte[]{2}).isEmpty(), "no image comes back after a clean");
        assertTrue(store.clean("job-1").isPresent(), "cleaning again is fine");
    }

    @Test
    void anUnknownJobIsEmptyEverywhere() {
        assertTrue(store.find("nope").isEmpty());
        assertTrue(store.find(null).isEmpty());
        assertTrue(store.clean("nope").isEmpty());
        assertTrue(store.image("nope", job -> new byte[]{1}).isEmpty());
    }

    @Test
    void eachJobKnowsItsScopeWhichListsAndClearsItsOwnJobsAlone() {
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 10);
        store.add("scope-2", Jobs.job("job-2", 2, "A prompt"), 10);

        assertEquals(Optional.of("scope-2"), store.owner("job-2"));
        assertEquals(Optional.empty(), store.owner("job-3"));
        assertEquals(List.of("job-1"), store.newestFirst(OWNER).stream().map(SimulatedJob::id).toList());
        store.clear("scope-2");
        assertEquals(List.of("job-1"), store.newestFirst(OWNER).stream().map(SimulatedJob::id).toList());
        assertTrue(store.find("job-2").isEmpty());
    }

    @Test
    void trafficCountsReadsAndWebhookCallsAndKeepsTheirAnswers() {
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 10);

        store.countRead("job-1");
        store.countRead("job-1");
        store.countCallback("job-1");
        store.countCallback("job-1");
        store.recordWebhookCall("job-1", WebhookCall.answered(Jobs.T0, 204));

        JobTraffic traffic = store.traffic("job-1", Jobs.T0).orElseThrow();
        assertEquals(2, traffic.reads());
        assertEquals("in-progress", traffic.status(), "the status at the time asked");
        assertEquals("completed", store.traffic("job-1", Jobs.T0.plusSeconds(10)).orElseThrow().status());
        assertEquals(2, traffic.callbacks(), "counted as they start");
        assertEquals(List.of(WebhookCall.answered(Jobs.T0, 204)), traffic.webhookCalls(), "listed once answered");
        assertEquals(3, store.countRead("job-1"), "the reads so far");
        assertEquals(0, store.countRead("job-2"), "an unknown job");
    }

    @Test
    void anUpdateReplacesTheJobAndClearForgetsThemAll() {
        store.add(OWNER, Jobs.job("job-1", 1, "A prompt"), 10);

        SimulatedJob cleaned = store.update("job-1", SimulatedJob::asCleaned).orElseThrow();

        assertTrue(cleaned.cleaned());
        assertEquals(cleaned, store.find("job-1").orElseThrow());
        assertEquals(Optional.empty(), store.update("job-2", SimulatedJob::asCleaned));
        store.clear(OWNER);
        assertEquals(0, store.size());
        assertEquals(Optional.empty(), store.traffic("job-1", Jobs.T0));
    }
}
